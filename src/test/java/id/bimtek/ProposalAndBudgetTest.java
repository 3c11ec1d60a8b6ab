package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DEPARTMENT_SECRETARY;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.budget.FundingSource;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@LifecycleTest
class ProposalAndBudgetTest {

    @Autowired Lifecycle lifecycle;
    @Autowired ProgramService programs;
    @Autowired RuntimeService runtime;
    @Autowired DecisionLog decisions;
    @Autowired BudgetLineRepository lines;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void reviseLoopSendsTheProposalBackWithTheCommentUntilItIsApproved() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        ProgramRequest request = lifecycle.sewingBimtek(line);
        Program program = lifecycle.submitted(request);

        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REVISE", "Tambahkan rincian bahan praktik");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviseProposal");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REVISION_REQUIRED);

        ProgramRequest revised = lifecycle.sewingBimtek(line, 39, 20, 9_000_000, 10_000_000, 5_600_000);
        programs.update(program.getId(), revised, STAFF.id());
        programs.submit(program.getId(), STAFF.id());
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviewProposal");
        assertThat(lifecycle.program(program.getId()).getBudgetItems()).hasSize(3);

        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("approveBudget");
        List<Decision> log = decisions.of(program.getId());
        assertThat(log).extracting(Decision::getDecision).containsExactly("REVISE", "APPROVE");
        assertThat(log.get(0).getComment()).isEqualTo("Tambahkan rincian bahan praktik");
        assertThat(log.get(0).getActor()).isEqualTo("division-head");
    }

    @Test
    void aProposalThatBreaksTheRulesGoesBackToStaffNotToTheHead() {
        BudgetLine line = lifecycle.budgetLine(10_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line, 10, 20, 9_000_000, 15_600_000));

        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviseProposal");
        String problems = decisions.of(program.getId()).get(0).getComment();
        assertThat(problems).contains("minimumParticipants").contains("exceeds what is left on the budget line");
        // resubmitting unchanged fails validation again
        programs.submit(program.getId(), STAFF.id());
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviseProposal");
    }

    @Test
    void rejectionInReviewEndsTheProcess() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThatThrownBy(() -> lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REJECT", null))
                .isInstanceOf(ProblemException.class).hasMessageContaining("comment");
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REJECT", "Tidak sesuai prioritas tahun ini");
        assertThat(lifecycle.instanceOf(program)).isNull();
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REJECTED);
    }

    @Test
    void headsDecideOnlyWithTheDecisionsTheirTaskOffers() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThatThrownBy(() -> lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "MAYBE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("decision");
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                });
        assertThatThrownBy(() -> lifecycle.decide(program, "reviewProposal", STAFF, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> lifecycle.complete(program, "reviewProposal", DIVISION_HEAD,
                Map.of("decision", "APPROVE", "amount", 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("reviewProposal");
        assertThat(decisions.of(program.getId())).isEmpty();
    }

    @Test
    void aLineTooSmallSendsTheProposalBackWithTheReason() {
        BudgetLine line = lifecycle.budgetLine(30_000_000);
        Program first = lifecycle.approved(lifecycle.sewingBimtek(line));           // commits 24.6 million
        Program second = lifecycle.submitted(lifecycle.sewingBimtek(line, 39, 20, 5_000_000));
        lifecycle.decide(second, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        // a third programme takes what is left before the second is approved
        assertThat(lifecycle.program(first.getId()).getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);
        Program third = lifecycle.approved(lifecycle.sewingBimtek(line, 39, 20, 5_000_000));
        assertThat(lifecycle.program(third.getId()).getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);

        lifecycle.decide(second, "approveBudget", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(second)).isWaitingAt("reviseProposal");
        Decision reason = decisions.of(second.getId()).get(decisions.of(second.getId()).size() - 1);
        assertThat(reason.getDecision()).isEqualTo("INSUFFICIENT_CEILING");
        assertThat(reason.getComment()).contains("400000.00");
        BudgetLine after = lines.findById(line.getId()).orElseThrow();
        assertThat(after.getCommitted()).isEqualByComparingTo("29600000");
        assertThat(lifecycle.program(second.getId()).getCommittedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void nationalFundsNeedASecondApprovalByAnotherDepartmentHead() {
        BudgetLine line = lifecycle.budgetLine(500_000_000, FundingSource.APBN);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("secondBudgetApproval");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("0");

        assertThatThrownBy(() -> lifecycle.decide(program, "secondBudgetApproval", DEPARTMENT_HEAD, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        lifecycle.decide(program, "secondBudgetApproval", DEPARTMENT_SECRETARY, "APPROVE", "Setuju");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("24600000");
    }

    @Test
    void regionalFundsUnderTheThresholdNeedOneApproval() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
    }

    @Test
    void onlyDraftsAndProposalsSentBackCanBeEdited() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        assertThatThrownBy(() -> programs.update(program.getId(), lifecycle.sewingBimtek(line), STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        ProgramRequest unknownLine = new ProgramRequest("x", "BIMTEK", "x", null, "9.99.99", 2025, OffsetDateTime.now().plusDays(3),
                1, 80, null, List.of("APPAREL"), lifecycle.sewingBimtek(line).batches(), lifecycle.sewingBimtek(line).budgetItems());
        assertThatThrownBy(() -> programs.create(unknownLine, STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("budgetLineCode"));
    }
}
