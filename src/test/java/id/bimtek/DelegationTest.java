package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.auditor.ProgramHistory;
import id.bimtek.delegation.Delegations;
import id.bimtek.proposal.Program;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Roles;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import id.bimtek.workflow.WorkflowTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A head on leave hands approvals to a deputy; the deputy decides, and the record says for whom. */
@LifecycleTest
class DelegationTest {

    @Autowired Lifecycle lifecycle;
    @Autowired Delegations delegations;
    @Autowired WorkflowTasks workflowTasks;
    @Autowired DecisionLog decisions;
    @Autowired ProgramHistory history;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    /** A second Kepala Bidang of another division: a head, but not of the division-head group's tasks by default. */
    private static final CurrentUser DEPUTY = new CurrentUser("kabid-ikm", List.of(Roles.DEPARTMENT_HEAD));

    @BeforeEach
    void deputyExists() {
        if (identity.createUserQuery().userId(DEPUTY.id()).count() == 0) {
            User user = identity.newUser(DEPUTY.id());
            user.setFirstName("Kepala");
            user.setLastName("Bidang IKM");
            user.setPassword("kabid-ikm");
            identity.saveUser(user);
            identity.createMembership(DEPUTY.id(), Roles.DEPARTMENT_HEAD);
        }
    }

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void theDeputySeesAndDecidesTheHeadsTasksOnTheirBehalf() {
        Program waiting = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThat(reviewsVisibleTo(DEPUTY, waiting)).isEmpty();
        assertThatThrownBy(() -> lifecycle.decide(waiting, "reviewProposal", DEPUTY, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));

        Delegations.Delegation leave = delegations.delegate(DIVISION_HEAD.id(), DEPUTY.id(), Instant.now(),
                Instant.now().plus(Duration.ofDays(14)), "Cuti tahunan");
        // a task waiting before the delegation, and one created during it
        Program created = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThat(reviewsVisibleTo(DEPUTY, waiting)).containsExactly("reviewProposal");
        assertThat(reviewsVisibleTo(DEPUTY, created)).containsExactly("reviewProposal");
        assertThat(tasks.createTaskQuery().taskCandidateUser(DEPUTY.id()).taskDefinitionKey("reviewProposal").list())
                .extracting(task -> task.getId())
                .contains(lifecycle.task(waiting, "reviewProposal").getId(), lifecycle.task(created, "reviewProposal").getId());

        lifecycle.decide(waiting, "reviewProposal", DEPUTY, "APPROVE", "Disetujui selama Kabid cuti");
        Decision decision = decisions.of(waiting.getId()).get(0);
        assertThat(decision.getActor()).isEqualTo(DEPUTY.id());
        assertThat(decision.getOnBehalfOf()).isEqualTo(DIVISION_HEAD.id());
        assertThat(history.of(waiting.getId())).anySatisfy(entry -> {
            assertThat(entry.type()).isEqualTo("DECISION");
            assertThat(entry.actor()).isEqualTo(DEPUTY.id());
            assertThat(entry.detail()).contains("on behalf of division-head");
        });

        delegations.revoke(leave.id(), DIVISION_HEAD.id());
        assertThat(reviewsVisibleTo(DEPUTY, created)).isEmpty();
        assertThatThrownBy(() -> lifecycle.decide(created, "reviewProposal", DEPUTY, "APPROVE", null))
                .isInstanceOf(ProblemException.class);
        lifecycle.decide(created, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
    }

    @Test
    void onlyAHeadCanBeADeputyAndOnlyAHeadCanDelegate() {
        Instant until = Instant.now().plus(Duration.ofDays(7));
        assertThatThrownBy(() -> delegations.delegate(DIVISION_HEAD.id(), "staff", Instant.now(), until, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("deputy");
                    assertThat(e.getMessage()).contains("does not hold the authority");
                });
        assertThatThrownBy(() -> delegations.delegate("staff", DEPUTY.id(), Instant.now(), until, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> delegations.delegate(DIVISION_HEAD.id(), "nobody-" + System.nanoTime(), Instant.now(), until, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("deputy"));
        assertThatThrownBy(() -> delegations.delegate(DIVISION_HEAD.id(), DEPUTY.id(), Instant.now(), Instant.now().minusSeconds(60), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
    }

    private List<String> reviewsVisibleTo(CurrentUser user, Program program) {
        return workflowTasks.openFor(user).stream().filter(task -> program.getId().equals(task.programId()))
                .map(WorkflowTasks.TaskView::key).toList();
    }
}
