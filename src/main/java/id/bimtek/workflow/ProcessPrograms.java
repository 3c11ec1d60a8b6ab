package id.bimtek.workflow;

import id.bimtek.proposal.ProgramRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Which programme a process belongs to, read from the process instance's business key (the programme's
 * code, set when the process starts and never writable afterwards). A process variable would not do:
 * anyone working a task can write variables, and a task must never be pointed at another programme.
 */
@Component("processPrograms")
public class ProcessPrograms {

    private final ProgramRepository programs;
    /** A programme's code never changes, so its id can be remembered. */
    private final Map<String, Long> idsByCode = new ConcurrentHashMap<>();

    ProcessPrograms(ProgramRepository programs) {
        this.programs = programs;
    }

    public long idOf(DelegateExecution execution) {
        return idOfCode(execution.getProcessBusinessKey());
    }

    public long idOf(DelegateTask task) {
        return idOf(task.getExecution());
    }

    public long idOfCode(String code) {
        if (code == null) {
            throw new IllegalStateException("a programme's process always carries the programme's code as its business key");
        }
        return idsByCode.computeIfAbsent(code, c -> programs.findIdByCode(c)
                .orElseThrow(() -> new IllegalStateException("no programme with the code " + c)));
    }
}
