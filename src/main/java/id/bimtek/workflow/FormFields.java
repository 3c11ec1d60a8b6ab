package id.bimtek.workflow;

/** How the text fields of a task's command are kept. */
public final class FormFields {

    private FormFields() {
    }

    /** Trimmed, and blank as absent. */
    public static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
