package id.bimtek.registration;

public enum RegistrationStatus {
    /** holds a seat */
    REGISTERED,
    /** waiting for a seat; moves up when a registered applicant withdraws */
    WAITLISTED,
    /** on the final participant list */
    CONFIRMED,
    WITHDRAWN,
    /** still waitlisted when the list was confirmed */
    NOT_SELECTED,
    /** the programme was cancelled */
    CANCELLED
}
