package id.bimtek.workflow;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records every decision on a programme, in the transaction of the step that takes it. */
@Service
public class DecisionLog {

    public static final String SYSTEM = "system";

    private final DecisionRepository decisions;

    DecisionLog(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Transactional
    public Decision record(Long programId, String taskKey, String taskName, String taskId,
                           String decision, String comment, String actor) {
        return record(programId, taskKey, taskName, taskId, decision, comment, actor, null);
    }

    @Transactional
    public Decision record(Long programId, String taskKey, String taskName, String taskId,
                           String decision, String comment, String actor, String onBehalfOf) {
        return decisions.save(new Decision(programId, taskKey, taskName, taskId, decision, comment, actor, onBehalfOf));
    }

    @Transactional
    public Decision recordBySystem(Long programId, String stepKey, String stepName, String decision, String comment) {
        return record(programId, stepKey, stepName, null, decision, comment, SYSTEM);
    }

    @Transactional(readOnly = true)
    public List<Decision> of(Long programId) {
        return decisions.findByProgramIdOrderByIdAsc(programId);
    }
}
