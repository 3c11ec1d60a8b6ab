package id.bimtek.shared;

/** The Camunda groups that are the system's roles (see DESIGN.md). */
public final class Roles {

    public static final String STAFF = "staff";
    public static final String DIVISION_HEAD = "division-head";
    public static final String DEPARTMENT_HEAD = "department-head";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** Every role, in the order of the organisation. */
    public static final java.util.List<String> ALL = java.util.List.of(STAFF, DIVISION_HEAD, DEPARTMENT_HEAD, AUDITOR, ADMIN);

    private static final java.util.Map<String, String> NAMES = java.util.Map.of(
            STAFF, "Staf / pelaksana",
            DIVISION_HEAD, "Kepala Bidang",
            DEPARTMENT_HEAD, "Kepala Dinas / Sekretaris Dinas",
            AUDITOR, "Auditor",
            ADMIN, "Administrator");

    private Roles() {
    }

    /** A role as people name it: {@code division-head} is "Kepala Bidang"; unknown groups keep their id. */
    public static String nameOf(String group) {
        return NAMES.getOrDefault(group, group);
    }

    /** The Spring Security role name of a group: {@code division-head} becomes {@code DIVISION_HEAD}. */
    public static String roleOf(String group) {
        return group.toUpperCase().replace('-', '_');
    }
}
