package id.bimtek.registration;

/** The size of an applicant's business as the law defines it (UU 20/2008 on MSMEs); a ranking criterion. */
public enum BusinessScale {
    MICRO, SMALL, MEDIUM
}
