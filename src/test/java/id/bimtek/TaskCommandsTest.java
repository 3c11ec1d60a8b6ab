package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.DecisionLog;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task's form is read as its typed command and checked before anything happens: an unknown field, a value of the
 * wrong shape or a broken limit is refused naming the field, and the task, the decision log and the process stay
 * as they were. (The closing report's items: {@code CancellationAndClosingTest}.)
 */
@LifecycleTest
class TaskCommandsTest {

    @Autowired Lifecycle lifecycle;
    @Autowired DecisionLog decisions;

    @AfterEach
    void statusesMatchProcesses() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void aDecisionFormIsRefusedNamingTheFieldAndNothingIsDecided() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));

        assertRefused(program, "reviewProposal", Map.of("decison", "APPROVE"), "decison", "this task takes [decision, comment, newDeadline]");
        assertRefused(program, "reviewProposal", Map.of("decision", Map.of("value", "APPROVE")), "decision", "wrong type");
        assertRefused(program, "reviewProposal", Map.of("decision", "REVISE", "comment", "x".repeat(2001)), "comment", "at most 2000");
        assertRefused(program, "reviewProposal", Map.of("decision", "APPROVE", "newDeadline", "2030-01-01T00:00:00+07:00"),
                "newDeadline", "unknown field");
        // the listener still judges what the command carries, on every surface
        assertRefused(program, "reviewProposal", Map.of("decision", "MAYBE"), "decision", "must be one of");

        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviewProposal");
        assertThat(decisions.of(program.getId())).isEmpty();
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, " APPROVE ", "  ");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("approveBudget");
        assertThat(decisions.of(program.getId())).singleElement()
                .satisfies(decision -> {
                    assertThat(decision.getDecision()).isEqualTo("APPROVE");
                    assertThat(decision.getComment()).isNull();
                });
    }

    @Test
    void aTaskWhoseFormHoldsNothingTakesNothing() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REVISE", "Perjelas sasaran peserta");

        assertRefused(program, "reviseProposal", Map.of("note", "sudah"), "note", "this task takes []");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviseProposal");
        lifecycle.complete(program, "reviseProposal", STAFF, Map.of());
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviewProposal");
    }

    private void assertRefused(Program program, String key, Map<String, Object> form, String field, String message) {
        assertThatThrownBy(() -> lifecycle.complete(program, key,
                key.equals("reviseProposal") ? STAFF : DIVISION_HEAD, form))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemException.Kind.INVALID);
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.getMessage()).contains(message);
                });
    }
}
