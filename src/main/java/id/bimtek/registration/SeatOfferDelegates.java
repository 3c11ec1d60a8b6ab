package id.bimtek.registration;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code seat-offer}: the answers come as messages, the domain changes are {@link SeatOffers}'. */
@Configuration(proxyBeanMethods = false)
public class SeatOfferDelegates {

    /** remindApplicant: the offer ends soon and the applicant has not answered. */
    @Bean
    JavaDelegate remindSeatOfferDelegate(SeatOffers offers) {
        return execution -> offers.remind(SeatOfferProcess.registrationIdOf(execution.getProcessBusinessKey()));
    }

    /** {@code ${seatOfferReminder.dueAt(offerTime)}}: twelve hours before the offer ends, or halfway through a short one. */
    @org.springframework.stereotype.Component("seatOfferReminder")
    public static class Reminder {

        public java.util.Date dueAt(String offerTime) {
            java.time.Duration offer = java.time.Duration.parse(offerTime);
            java.time.Duration before = offer.compareTo(java.time.Duration.ofHours(24)) > 0 ? java.time.Duration.ofHours(12)
                    : offer.dividedBy(2);
            return new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()
                    + offer.minus(before).toMillis());
        }
    }

    /** expireOffer: the offer time is over; the seat passes to the next in line. */
    @Bean
    JavaDelegate expireSeatOfferDelegate(SeatOffers offers) {
        return execution -> offers.expire(SeatOfferProcess.registrationIdOf(execution.getProcessBusinessKey()));
    }
}
