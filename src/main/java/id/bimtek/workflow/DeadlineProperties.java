package id.bimtek.workflow;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lifecycle.deadlines.*}: due and escalation limits of user tasks, in working days. */
@ConfigurationProperties(prefix = "lifecycle.deadlines")
public record DeadlineProperties(int defaultDue, int defaultEscalation, Map<String, Integer> due,
                                 Map<String, Integer> escalation, Map<String, String> escalateTo) {

    public DeadlineProperties {
        due = due == null ? Map.of() : due;
        escalation = escalation == null ? Map.of() : escalation;
        escalateTo = escalateTo == null ? Map.of() : escalateTo;
    }

    int dueDays(String taskKey) {
        return due.getOrDefault(taskKey, defaultDue);
    }

    int escalationDays(String taskKey) {
        return escalation.getOrDefault(taskKey, defaultEscalation);
    }
}
