package id.bimtek.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stages' {@link TaskCompletion}s by the task definition keys they handle: one lookup for every surface. */
@Component
class TaskCompletions {

    private final Map<String, TaskCompletion<?>> byTaskKey = new HashMap<>();

    TaskCompletions(List<TaskCompletion<?>> completions) {
        completions.forEach(completion -> completion.taskKeys().forEach(key -> byTaskKey.put(key, completion)));
    }

    Optional<TaskCompletion<?>> forTask(String taskKey) {
        return Optional.ofNullable(byTaskKey.get(taskKey));
    }
}
