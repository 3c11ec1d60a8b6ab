package id.bimtek.proposal;

/** Where a session happens: online (a meeting link) or on site (a venue). A hybrid batch mixes both. */
public enum SessionMode {
    ONLINE, ON_SITE
}
