package id.bimtek.workflow;

import id.bimtek.shared.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import id.bimtek.shared.ProblemException;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private final WorkflowTasks tasks;

    public TaskController(WorkflowTasks tasks) {
        this.tasks = tasks;
    }

    /**
     * The user's open tasks, a page at a time (oldest first, or by due date with {@code sort=due}), optionally
     * of one programme or one kind of task; {@code X-Total-Count} says how many there are in all.
     */
    @GetMapping
    ResponseEntity<List<WorkflowTasks.TaskView>> open(@RequestParam(required = false) Long programId,
                                                      @RequestParam(required = false) String key,
                                                      @RequestParam(defaultValue = "created") String sort,
                                                      @RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "100") int size) {
        if (!sort.equals("created") && !sort.equals("due")) {
            throw ProblemException.invalid("sort", "sort must be 'created' or 'due'");
        }
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalid("page", "page must be between 0 and 100000");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.invalid("size", "size must be between 1 and 500");
        }
        WorkflowTasks.TaskPage open = tasks.openFor(CurrentUser.get(),
                new WorkflowTasks.TaskFilter(programId, key, sort.equals("due"), page, size));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(open.total())).body(open.items());
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> form) {
        tasks.complete(id, form == null ? Map.of() : form, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }
}
