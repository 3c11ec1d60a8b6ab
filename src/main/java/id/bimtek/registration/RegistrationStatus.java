package id.bimtek.registration;

public enum RegistrationStatus {
    /** holds a seat */
    REGISTERED,
    /** waiting for a seat; moves up when a registered applicant withdraws */
    WAITLISTED,
    /** applied to a programme allocated by selection: ranked after the deadline, told when the list is confirmed */
    APPLIED,
    /** on the final participant list */
    CONFIRMED,
    WITHDRAWN,
    /** still waitlisted, or ranked below the quota, when the list was confirmed */
    NOT_SELECTED,
    /** the programme was cancelled */
    CANCELLED
}
