package id.bimtek.followup;

/** The kinds of support a graduate can get after the training. */
public enum FollowUpKind {
    MENTORING, PACKAGING, HALAL_CERTIFICATION, TRADEMARK, EXHIBITION, EQUIPMENT_AID, BUSINESS_LICENCE
}
