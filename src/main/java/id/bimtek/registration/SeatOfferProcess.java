package id.bimtek.registration;

/** Names of {@code bpmn/seat-offer.bpmn}: one instance per offer, business key = the registration's reference. */
public final class SeatOfferProcess {

    public static final String PROCESS_KEY = "seat-offer";

    /** The offer's business key: the registration's id, never its reference (the applicant's secret, shown in Cockpit). */
    public static String businessKeyOf(long registrationId) {
        return "pendaftaran-" + registrationId;
    }

    /** The registration an offer is for, from its business key (fixed at start), not from a variable. */
    public static long registrationIdOf(String businessKey) {
        return Long.parseLong(businessKey.substring("pendaftaran-".length()));
    }

    public static final String REGISTRATION_ID = "registrationId";
    public static final String PROGRAM_ID = "programId";
    /** the programme's seat offer time, an ISO-8601 duration for the timer */
    public static final String OFFER_TIME = "offerTime";

    public static final String ACCEPTED = "SeatOfferAccepted";
    public static final String DECLINED = "SeatOfferDeclined";
    /** the offer ends unanswered because the list was confirmed or the programme cancelled */
    public static final String CLOSED = "SeatOfferClosed";

    private SeatOfferProcess() {
    }
}
