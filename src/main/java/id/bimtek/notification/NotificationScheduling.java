package id.bimtek.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the outbox every {@code lifecycle.notifications.poll-interval} (after the previous round has
 * finished). Off with {@code lifecycle.notifications.poll-enabled=false}, as in the tests, which call
 * {@link OutboxSender#sendDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "lifecycle.notifications", name = "poll-enabled", havingValue = "true", matchIfMissing = true)
public class NotificationScheduling {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduling.class);

    private final OutboxSender sender;

    public NotificationScheduling(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${lifecycle.notifications.poll-interval:5s}",
               fixedDelayString = "${lifecycle.notifications.poll-interval:5s}")
    void poll() {
        try {
            sender.sendAllDue();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable: the next round tries again
            log.warn("Polling the notification outbox failed: {}", e.toString());
        }
    }
}
