package id.bimtek.registration;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code seat-offer}: the answers come as messages, the domain changes are {@link SeatOffers}'. */
@Configuration(proxyBeanMethods = false)
public class SeatOfferDelegates {

    /** expireOffer: the offer time is over; the seat passes to the next in line. */
    @Bean
    JavaDelegate expireSeatOfferDelegate(SeatOffers offers) {
        return execution -> offers.expire((Long) execution.getVariable(SeatOfferProcess.REGISTRATION_ID));
    }
}
