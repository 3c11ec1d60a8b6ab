package id.bimtek.workflow;

import id.bimtek.delegation.Delegations;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${deputyCandidates}} on heads' tasks: a head's active deputy is offered the task too (Tasklist shows it). */
@Component
public class DeputyCandidates implements TaskListener {

    private final Delegations delegations;

    public DeputyCandidates(Delegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public void notify(DelegateTask task) {
        delegations.deputiesFor(TaskDeadlines.candidateGroups(task)).forEach(task::addCandidateUser);
    }
}
