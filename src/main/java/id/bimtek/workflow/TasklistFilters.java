package id.bimtek.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters per role, created at start-up when missing: heads see what waits on their decision,
 * oldest first, with the programme's code and title beside each task.
 */
@Component
public class TasklistFilters {

    private static final List<Map<String, String>> PROGRAMME_COLUMNS = List.of(
            Map.of("name", "programCode", "label", "Kode program"),
            Map.of("name", "programTitle", "label", "Program"));

    private final FilterService filters;
    private final TaskService tasks;

    public TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates the filters that are missing (run at start-up by the engine's authorization set-up). */
    public void ensureFilters() {
        create("Menunggu persetujuan saya", "Keputusan yang menunggu Anda, yang terlama di atas", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .taskDefinitionKeyIn("reviewProposal", "approveBudget", "secondBudgetApproval",
                                "decideUndersubscription", "approveClosingReport")
                        .orderByTaskCreateTime().asc());
        create("Tugas staf", "Tugas pelaksana: revisi, daftar peserta, kehadiran, laporan, monitoring", -5,
                tasks.createTaskQuery().taskCandidateGroup("staff").includeAssignedTasks().orderByTaskCreateTime().asc());
        create("Tugas saya", "Tugas yang sudah Anda klaim", 0,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc());
    }

    private void create(String name, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                        "variables", PROGRAMME_COLUMNS));
        filters.saveFilter(filter);
    }
}
