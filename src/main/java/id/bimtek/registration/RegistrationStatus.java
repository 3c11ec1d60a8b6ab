package id.bimtek.registration;

public enum RegistrationStatus {
    /** holds a seat */
    REGISTERED,
    /** waiting for a seat; the first in line is offered a seat that is freed */
    WAITLISTED,
    /** applied to a programme allocated by selection: ranked after the deadline, told when the list is confirmed */
    APPLIED,
    /** offered a freed seat, which it holds until it accepts, declines or the offer time runs out */
    OFFERED,
    /** on the final participant list */
    CONFIRMED,
    WITHDRAWN,
    /** still waitlisted, ranked below the quota, or with an offer still open when the list was confirmed */
    NOT_SELECTED,
    /** the programme was cancelled */
    CANCELLED,
    /** declined the seat it was offered (or withdrew while offered) */
    OFFER_DECLINED,
    /** did not answer the seat offer in time */
    OFFER_EXPIRED
}
