package id.bimtek.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches, at {@code /actuator/prometheus} (administrators only): open user tasks by age
 * and overdue, open incidents, the job executor's backlog, registrations in the last minute and the
 * notification outbox's backlog. Each is one indexed count, read when Prometheus scrapes.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private static final Map<String, String> TASK_AGES = Map.of(
            "under 1 day", "create_time_ > now() - interval '1 day'",
            "1 to 3 days", "create_time_ <= now() - interval '1 day' and create_time_ > now() - interval '3 days'",
            "3 to 7 days", "create_time_ <= now() - interval '3 days' and create_time_ > now() - interval '7 days'",
            "over 7 days", "create_time_ <= now() - interval '7 days'");

    private final JdbcTemplate jdbc;

    OperationsMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TASK_AGES.forEach((age, condition) -> gauge(registry, "bimtek.tasks.open", "open user tasks by age",
                count("select count(*) from act_ru_task where " + condition), "age", age));
        gauge(registry, "bimtek.tasks.overdue", "open user tasks past their due date",
                count("select count(*) from act_ru_task where due_date_ < now()"));
        gauge(registry, "bimtek.incidents.open", "open incidents (failed steps waiting for an operator)",
                count("select count(*) from act_ru_incident"));
        gauge(registry, "bimtek.jobs.due", "jobs due and not yet taken by the job executor",
                count("""
                        select count(*) from act_ru_job
                         where retries_ > 0 and (duedate_ is null or duedate_ <= now())
                           and (lock_exp_time_ is null or lock_exp_time_ < now()) and suspension_state_ = 1"""));
        gauge(registry, "bimtek.registrations.last.minute", "registrations received in the last minute",
                count("select count(*) from registration where registered_at > now() - interval '1 minute'"));
        gauge(registry, "bimtek.notifications.pending", "notifications not yet sent (outbox backlog)",
                count("select count(*) from notification where sent_at is null"));
    }

    private Supplier<Number> count(String sql) {
        return () -> jdbc.queryForObject(sql, Long.class);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value,
                              String... tags) {
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }
}
