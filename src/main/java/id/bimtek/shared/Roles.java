package id.bimtek.shared;

/** The Camunda groups that are the system's roles (see DESIGN.md). */
public final class Roles {

    public static final String STAFF = "staff";
    public static final String DIVISION_HEAD = "division-head";
    public static final String DEPARTMENT_HEAD = "department-head";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** The Spring Security role name of a group: {@code division-head} becomes {@code DIVISION_HEAD}. */
    public static String roleOf(String group) {
        return group.toUpperCase().replace('-', '_');
    }
}
