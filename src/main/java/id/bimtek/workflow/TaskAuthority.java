package id.bimtek.workflow;

import id.bimtek.audit.AuditTrail;
import id.bimtek.delegation.Delegations;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.StaffPage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Who may hold and complete a task of the programme lifecycle, decided from the domain at that moment:
 * the task's role (its candidate groups, in person or as a head's deputy), drafts that belong to their
 * author, and separation of duties: nobody reviews, approves or accepts the closing report of a programme
 * they proposed or edited. It runs inside the engine on every user task (see {@link EveryUserTask}), so it
 * holds on every surface: the project's API, Tasklist, the webapps' engine API and /engine-rest.
 */
@Component("taskAuthority")
public class TaskAuthority implements TaskListener {

    private static final List<String> PROPOSAL_AUTHORSHIP = List.of("PROPOSAL_CREATED", "PROPOSAL_CHANGED");

    /** The tasks that judge someone's work, and what counts as having done that work. */
    private static final Map<String, List<String>> AUTHORSHIP_JUDGED = Map.of(
            "reviewProposal", PROPOSAL_AUTHORSHIP,
            "approveBudget", PROPOSAL_AUTHORSHIP,
            "secondBudgetApproval", PROPOSAL_AUTHORSHIP,
            "approveClosingReport", List.of("PROPOSAL_CREATED", "PROPOSAL_CHANGED", "CLOSING_REPORT_FILED"));

    /** Revising a proposal is its author's work. */
    private static final String REVISE_PROPOSAL = "reviseProposal";

    private final Delegations delegations;
    private final AuditTrail audit;
    private final ProgramRepository programs;
    private final ProcessPrograms processPrograms;
    private final StaffPage people;

    TaskAuthority(Delegations delegations, AuditTrail audit, ProgramRepository programs, ProcessPrograms processPrograms,
                  StaffPage people) {
        this.people = people;
        this.delegations = delegations;
        this.audit = audit;
        this.programs = programs;
        this.processPrograms = processPrograms;
    }

    @Override
    public void notify(DelegateTask task) {
        long programId = processPrograms.idOf(task);
        Set<String> groups = TaskDeadlines.candidateGroups(task);
        String key = task.getTaskDefinitionKey();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
            refusal(key, task.getName(), programId, task.getAssignee(), task.getAssignee(), groups).ifPresent(refusal -> {
                throw refusal;
            });
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String user = ActingUser.of(task.getExecution());
            if (ActingUser.SYSTEM.equals(user)) {
                if (task.getAssignee() == null) {
                    return; // the engine's own work (tests, migrations); every user surface authenticates
                }
                user = task.getAssignee();
            }
            refusal(key, task.getName(), programId, user, task.getAssignee(), groups).ifPresent(refusal -> {
                throw refusal;
            });
        }
    }

    /** Why {@code user} may not work on the task, if they may not: a refusal naming its rule. */
    public Optional<ProblemException> refusal(String taskKey, String taskName, long programId, String user, String assignee,
                                              Set<String> candidateGroups) {
        Optional<Delegations.Acting> acting = delegations.actingOn(user, assignee, candidateGroups);
        if (acting.isEmpty()) {
            return Optional.of(notTheirs(user, assignee, taskName, people));
        }
        String author = programs.findById(programId).orElseThrow().getCreatedBy();
        if (REVISE_PROPOSAL.equals(taskKey) && !author.equals(user)) {
            return Optional.of(ProblemException.forbidden("a proposal is revised by its author, " + author)
                    .because("REVISED_BY_AUTHOR", people.nameOf(author)));
        }
        List<String> authorship = AUTHORSHIP_JUDGED.get(taskKey);
        if (authorship != null) {
            Set<String> authors = new HashSet<>(audit.actorsOf(programId, authorship));
            authors.add(author);
            Delegations.Acting who = acting.get();
            if (authors.contains(who.actor()) || authors.contains(who.authority())) {
                return Optional.of(ProblemException.forbidden("separation of duties: " + who.authority()
                        + " proposed, edited or reported on this programme and cannot judge it")
                        .because("SEPARATION_OF_DUTIES", people.nameOf(who.authority())));
            }
        }
        return Optional.empty();
    }

    /** The refusal of someone who neither holds the task (nor deputises for its holder) nor is offered it. */
    static ProblemException notTheirs(String user, String assignee, String taskName, StaffPage people) {
        return assignee != null && !assignee.equals(user)
                ? ProblemException.forbidden("the task is held by " + assignee + "; only they or their deputy can work on it")
                        .because("HELD_BY_ANOTHER", people.nameOf(assignee))
                : ProblemException.forbidden(user + " does not hold the role of '" + taskName + "'")
                        .because("NOT_IN_ROLE", people.nameOf(user), taskName);
    }
}
