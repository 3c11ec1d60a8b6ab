package id.bimtek.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifecycle.notifications.*}. Whether notifications are mailed or only logged depends on
 * {@code spring.mail.host}: set, Spring Boot provides a {@code JavaMailSender} and the outbox uses it.
 *
 * @param from          sender address of the e-mails
 * @param pollInterval  pause between two polls of the outbox
 * @param pollEnabled   whether the outbox is polled on a schedule (the tests call {@link OutboxSender#sendDue()})
 * @param batchSize     notifications taken per round
 * @param retryDelay    wait after the first failed attempt; doubled after each further failure
 * @param maxRetryDelay the longest wait between two attempts
 */
@ConfigurationProperties(prefix = "lifecycle.notifications")
public record NotificationProperties(
        @DefaultValue("noreply@bimtek.example") String from,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("true") boolean pollEnabled,
        @DefaultValue("20") int batchSize,
        @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("1h") Duration maxRetryDelay) {

    /** How long to wait after the given number of failed attempts: retryDelay doubled per failure, capped. */
    public Duration backoff(int failedAttempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
