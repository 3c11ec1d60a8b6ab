package id.bimtek.followup;

public enum FollowUpStatus {
    PLANNED, IN_PROGRESS, DONE, DROPPED
}
