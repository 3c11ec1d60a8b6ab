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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private final WorkflowTasks tasks;

    public TaskController(WorkflowTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<WorkflowTasks.TaskView> open() {
        return tasks.openFor(CurrentUser.get());
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> form) {
        tasks.complete(id, form == null ? Map.of() : form, CurrentUser.get());
        return ResponseEntity.noContent().build();
    }
}
