package id.bimtek.workflow;

import id.bimtek.shared.Wib;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The gate to {@code bpmn/seat-offer.bpmn}: one instance per offer, its business key the registration's id. The
 * offer's domain (who is offered, who answered) is {@code registration.SeatOffers}'; this starts, answers and reads
 * the offer's process, and gives its expressions what they need.
 */
@Component("seatOfferProcess")
public class SeatOfferProcess {

    public static final String PROCESS_KEY = "seat-offer";
    private static final String BUSINESS_KEY_PREFIX = "pendaftaran-";

    public static final String REGISTRATION_ID = "registrationId";
    public static final String PROGRAM_ID = "programId";
    /** the programme's seat offer time, an ISO-8601 duration for the timer */
    public static final String OFFER_TIME = "offerTime";

    /** The applicant's answers, and the end of an offer nobody answered because the list was confirmed or the programme cancelled. */
    public enum Answer {
        ACCEPTED("SeatOfferAccepted"), DECLINED("SeatOfferDeclined"), CLOSED("SeatOfferClosed");

        private final String message;

        Answer(String message) {
            this.message = message;
        }
    }

    private final RuntimeService runtime;
    private final ManagementService management;

    SeatOfferProcess(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** The offer's business key: the registration's id, never its reference (the applicant's secret, shown in Cockpit). */
    public static String businessKeyOf(long registrationId) {
        return BUSINESS_KEY_PREFIX + registrationId;
    }

    /** Starts the offer's process in the caller's transaction; returns its instance id. */
    public String start(long registrationId, long programId, String offerTime) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKeyOf(registrationId),
                Map.of(REGISTRATION_ID, registrationId, PROGRAM_ID, programId, OFFER_TIME, offerTime)).getId();
    }

    /**
     * When the offer's timer ends it. The engine writes the timer job when its outermost command ends: read it
     * just before the transaction that started the offer commits.
     */
    public Instant expiryOf(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId("offerTimeOver")
                .singleResult().getDuedate().toInstant();
    }

    /** Ends the offer's wait with an answer; false when the offer's process no longer waits for one. */
    public boolean answer(long registrationId, Answer answer) {
        try {
            runtime.createMessageCorrelation(answer.message).processInstanceBusinessKey(businessKeyOf(registrationId))
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /** {@code ${seatOfferProcess.registrationIdOf(execution)}}: from the business key (fixed at start), not from a variable. */
    public long registrationIdOf(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey().substring(BUSINESS_KEY_PREFIX.length()));
    }

    /** {@code ${seatOfferProcess.reminderDueAt(offerTime)}}: twelve hours before the offer ends, or halfway through a short one. */
    public Date reminderDueAt(String offerTime) {
        Duration offer = Duration.parse(offerTime);
        Duration before = offer.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(12) : offer.dividedBy(2);
        return Date.from(Wib.now().plus(offer.minus(before)));
    }
}
