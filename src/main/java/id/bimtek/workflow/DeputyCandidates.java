package id.bimtek.workflow;

import id.bimtek.delegation.Delegations;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every task offered to heads: a head's active deputy is offered the task too (Tasklist shows it). */
@Component
@Order(4)
public class DeputyCandidates implements OnEveryUserTask {

    private final Delegations delegations;

    public DeputyCandidates(Delegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        Set<String> groups = TaskDeadlines.candidateGroups(task);
        if (groups.stream().anyMatch(Delegations.HEAD_GROUPS::contains)) {
            delegations.deputiesFor(groups).forEach(task::addCandidateUser);
        }
    }
}
