package id.bimtek.workflow;

import id.bimtek.delegation.Delegations;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks a user may work on, and completing them: the user must be the assignee or in a
 * candidate group; the task is claimed for them, the form handled by its {@link TaskCompletion}, and
 * the engine told who acted, all in one transaction.
 */
@Service
public class WorkflowTasks {

    /** Staff tasks whose form holds nothing: completing them says "done". */
    private static final Set<String> PLAIN_TASKS = Set.of("reviseProposal", "confirmParticipants");

    public record TaskView(String id, String key, String name, Instant created, Instant due, String assignee,
                           Long programId, String programCode, String programTitle, String programStatus) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ProgramRepository programs;
    private final TaskCompletions completions;
    private final TaskCommands commands;
    private final Delegations delegations;

    public WorkflowTasks(TaskService tasks, RuntimeService runtime, IdentityService identity, ProgramRepository programs,
                         TaskCompletions completions, TaskCommands commands, Delegations delegations) {
        this.delegations = delegations;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.programs = programs;
        this.commands = commands;
        this.completions = completions;
    }

    /** Which of a user's open tasks, in what order, and which page of them. */
    public record TaskFilter(Long programId, String key, boolean byDueDate, int page, int size) {
    }

    /** One page of a user's open tasks, and how many there are in all. */
    public record TaskPage(List<TaskView> items, long total) {
    }

    @Transactional(readOnly = true)
    public List<TaskView> openFor(CurrentUser user) {
        return views(visibleTo(user).orderByTaskCreateTime().asc().list());
    }

    /**
     * A page of the user's open tasks: the engine counts and pages them, so a page costs the same whatever
     * the number of tasks elsewhere or of this user's.
     */
    @Transactional(readOnly = true)
    public TaskPage openFor(CurrentUser user, TaskFilter filter) {
        TaskQuery query = visibleTo(user);
        if (filter.programId() != null) {
            Program program = programs.findById(filter.programId())
                    .orElseThrow(() -> ProblemException.invalid("programId", "there is no programme " + filter.programId()));
            query.processInstanceBusinessKey(program.getCode());
        }
        if (filter.key() != null) {
            query.taskDefinitionKey(filter.key());
        }
        long total = query.count();
        if (filter.byDueDate()) {
            query.orderByDueDate().asc();
        }
        query.orderByTaskCreateTime().asc();
        return new TaskPage(views(query.listPage(filter.page() * filter.size(), filter.size())), total);
    }

    private List<TaskView> views(List<Task> open) {
        Map<String, String> codes = businessKeysOf(open);
        Map<String, Program> byCode = programs.findByCodeIn(codes.values()).stream()
                .collect(Collectors.toMap(Program::getCode, Function.identity()));
        return open.stream().map(task -> {
            Program program = byCode.get(codes.get(task.getProcessInstanceId()));
            return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getAssignee(),
                    program == null ? null : program.getId(), program == null ? null : program.getCode(),
                    program == null ? null : program.getTitle(),
                    program == null ? null : program.getStatus().name());
        }).toList();
    }

    /** The open task, if there is one with that id. */
    @Transactional(readOnly = true)
    public java.util.Optional<TaskView> find(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).active().list().stream().findFirst()
                .map(task -> views(List.of(task)).get(0));
    }

    /** A programme's open tasks of one kind, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskView> open(long programId, String key) {
        String code = programs.findById(programId).map(Program::getCode).orElse(null);
        if (code == null) {
            return List.of();
        }
        return views(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).active()
                .orderByTaskCreateTime().asc().list());
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> form, CurrentUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw ProblemException.notFound("open task " + taskId);
        }
        if (!mayWorkOn(task, user)) {
            throw ProblemException.forbidden("task '" + task.getName() + "' is not for " + user.id());
        }
        // the programme's row first, as every other writer of the programme does: no deadlocks, and
        // e.g. attendance recorded while a batch closes is either in or refused, never silently lost
        Program program = programs.findIdByProcessInstanceId(task.getProcessInstanceId())
                .flatMap(programs::lockById)
                .orElseThrow(() -> ProblemException.notFound("programme of task " + taskId));
        Map<String, Object> variables = completeIn(completionOf(task),
                new TaskCompletion.OpenTask(taskId, task.getTaskDefinitionKey(), program.getId()), form, user);
        identity.setAuthentication(user.id(), delegations.effectiveGroups(user.id(), user.groups()));
        try {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            tasks.complete(taskId, variables);
        } catch (RuntimeException e) {
            // the task's listeners judge the decision; their verdict reaches the caller as it was given
            throw ProblemException.foundIn(e).orElseThrow(() -> e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The form read as the task's typed command, then the stage's part of completing it. */
    private <C> Map<String, Object> completeIn(TaskCompletion<C> completion, TaskCompletion.OpenTask task,
                                               Map<String, Object> form, CurrentUser user) {
        return completion.complete(task, commands.read(form, completion.commandType()), user);
    }

    private TaskCompletion<?> completionOf(Task task) {
        TaskCompletion<?> completion = completions.forTask(task.getTaskDefinitionKey()).orElse(null);
        if (completion != null) {
            return completion;
        }
        if (PLAIN_TASKS.contains(task.getTaskDefinitionKey())) {
            return new PlainTask();
        }
        throw ProblemException.conflict("task", "task '" + task.getName() + "' cannot be completed through this API");
    }

    /** The holder of the task, a member of a candidate group, or the deputy of either. */
    private boolean mayWorkOn(Task task, CurrentUser user) {
        Set<String> candidateGroups = TaskDeadlines.candidateGroups(tasks.getIdentityLinksForTask(task.getId()));
        boolean may = delegations.actingOn(user.id(), task.getAssignee(), candidateGroups).isPresent();
        if (!may && task.getAssignee() != null && candidateGroups.stream().anyMatch(user.groups()::contains)) {
            throw ProblemException.conflict("task", "task '" + task.getName() + "' is claimed by " + task.getAssignee());
        }
        return may;
    }

    /** Assigned to the user, offered to one of their groups (their own or a principal's they deputise for), or to them. */
    private TaskQuery visibleTo(CurrentUser user) {
        List<String> groups = delegations.effectiveGroups(user.id(), user.groups());
        Set<String> holders = new java.util.LinkedHashSet<>(delegations.activePrincipalsOf(user.id()).keySet());
        holders.add(user.id());
        TaskQuery query = tasks.createTaskQuery().active().or().taskAssigneeIn(holders.toArray(String[]::new))
                .taskCandidateUser(user.id());
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        return query.endOr();
    }

    /** The business keys (programme codes) of the tasks' process instances, in one query. */
    private Map<String, String> businessKeysOf(List<Task> open) {
        Set<String> ids = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    /** A task whose completion carries no data: completing it says "done". */
    private static final class PlainTask implements TaskCompletion<PlainTask.Done> {

        record Done() {
        }

        @Override
        public Set<String> taskKeys() {
            return Set.of();
        }

        @Override
        public Class<Done> commandType() {
            return Done.class;
        }

        @Override
        public Map<String, Object> complete(OpenTask task, Done command, CurrentUser user) {
            return Map.of();
        }
    }
}
