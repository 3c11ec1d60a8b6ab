package id.bimtek.followup;

public enum FollowUpStatus {
    PLANNED("direncanakan"), IN_PROGRESS("sedang berjalan"), DONE("selesai"), DROPPED("tidak dilanjutkan");

    private final String word;

    FollowUpStatus(String word) {
        this.word = word;
    }

    /** As the audit trail's sentences name it. */
    public String word() {
        return word;
    }
}
