package id.bimtek.followup;

/** The kinds of support a graduate can get after the training. */
public enum FollowUpKind {
    MENTORING("pendampingan usaha"), PACKAGING("perbaikan kemasan"), HALAL_CERTIFICATION("sertifikasi halal"),
    TRADEMARK("pendaftaran merek"), EXHIBITION("pameran"), EQUIPMENT_AID("bantuan peralatan"),
    BUSINESS_LICENCE("perizinan usaha");

    private final String word;

    FollowUpKind(String word) {
        this.word = word;
    }

    /** As the audit trail's sentences name it. */
    public String word() {
        return word;
    }
}
