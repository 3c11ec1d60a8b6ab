package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.CANCELLATION_MESSAGE;
import static id.bimtek.proposal.ProcessVariables.CANCELLATION_REASON;
import static id.bimtek.proposal.ProcessVariables.CANCELLED_BY;

import id.bimtek.proposal.ProcessVariables;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProposalProcess;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.Directory;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The gate to a programme's {@code program-lifecycle} process for the stages: start it, resubmit, cancel it. */
@Component
public class ProgramProcess implements ProposalProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkflowTasks workflowTasks;
    private final Directory directory;

    // lazily: WorkflowTasks holds the stages' task completions, and the proposal stage, which they use, uses this gate
    ProgramProcess(RuntimeService runtime, TaskService tasks, @Lazy WorkflowTasks workflowTasks, Directory directory) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.workflowTasks = workflowTasks;
        this.directory = directory;
    }

    @Override
    public String start(Program program) {
        return runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, program.getCode(),
                Map.of(ProcessVariables.PROGRAM_ID, program.getId())).getId();
    }

    @Override
    public boolean resubmit(Program program, String user) {
        Task revision = tasks.createTaskQuery().processInstanceId(program.getProcessInstanceId())
                .taskDefinitionKey("reviseProposal").singleResult();
        if (revision == null) {
            return false;
        }
        workflowTasks.complete(revision.getId(), Map.of(), new CurrentUser(user, directory.groupsOf(user)));
        return true;
    }

    /** Interrupts the programme's process; its cancel step releases the budget and cancels the registrations. */
    public void requestCancellation(Program program, String reason, String user) {
        runtime.createMessageCorrelation(CANCELLATION_MESSAGE).processInstanceId(program.getProcessInstanceId())
                .setVariables(Map.of(CANCELLATION_REASON, reason, CANCELLED_BY, user)).correlateWithResult();
    }
}
