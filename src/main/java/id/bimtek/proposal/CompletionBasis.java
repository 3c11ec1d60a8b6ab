package id.bimtek.proposal;

/** What a participant's attendance is counted in for completion: sessions attended, or hours attended. */
public enum CompletionBasis {
    SESSIONS, HOURS
}
