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
import id.bimtek.budget.BudgetService;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LifecycleTest
class ProposalAndBudgetTest {

    @Autowired Lifecycle lifecycle;
    @Autowired ProgramService programs;
    @Autowired RuntimeService runtime;
    @Autowired DecisionLog decisions;
    @Autowired BudgetLineRepository lines;
    @Autowired BudgetService budget;

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
        assertThat(problems).contains("minimumParticipants").contains("melebihi sisa mata anggaran");
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
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.INVALID);
                });
        assertThatThrownBy(() -> lifecycle.decide(program, "reviewProposal", STAFF, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
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
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        lifecycle.decide(program, "secondBudgetApproval", DEPARTMENT_SECRETARY, "APPROVE", "Setuju");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("24600000");
    }

    @Test
    void regionalFundsUnderTheThresholdNeedOneApproval() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
    }

    /**
     * Money of one fiscal year pays for sessions of that year: a batch outside it goes back to staff unless the
     * proposal says why, and then the reviewer reads the reason next to the line. A line is one agency's.
     */
    @Test
    void aProgrammeFallsInItsLinesFiscalYearAndIsPaidByItsOwnAgency() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        ProgramRequest sewing = lifecycle.sewingBimtek(line);
        ProgramRequest.BatchRequest batch = sewing.batches().get(0);
        LocalDate nextYear = LocalDate.of(line.getFiscalYear() + 1, 2, 10);
        List<ProgramRequest.BatchRequest> lateBatch = List.of(new ProgramRequest.BatchRequest(batch.name(), batch.tracks(),
                nextYear, nextYear.plusDays(2), batch.venue(), batch.mode(), batch.quota(), batch.sessions()));

        Program late = lifecycle.submitted(withBatches(sewing, lateBatch, null));
        assertThat(lifecycle.instanceOf(late)).isWaitingAt("reviseProposal");
        assertThat(decisions.of(late.getId()).get(0).getComment()).contains("fiscalYearReason")
                .contains("di luar tahun anggaran " + line.getFiscalYear());

        String reason = "Bahan praktik baru tiba Januari; kontrak penyedia tahun jamak";
        Program explained = lifecycle.submitted(withBatches(sewing, lateBatch, reason));
        assertThat(lifecycle.instanceOf(explained)).isWaitingAt("reviewProposal");
        String shownToReviewer = lifecycle.shownOnForm(explained, "reviewProposal", "budgetLine");
        assertThat(shownToReviewer).contains("Jadwal di luar tahun anggaran " + line.getFiscalYear() + ", alasan: " + reason)
                .contains("Urusan 3 · Bidang 31");

        ProgramRequest otherAgency = new ProgramRequest(sewing.title(), sewing.kind(), "Dinas Koperasi dan UKM Kota Bogor",
                null, sewing.budgetLineCode(), sewing.fiscalYear(), sewing.registrationDeadline(), 1, 80, null,
                sewing.tracks(), sewing.batches(), sewing.budgetItems());
        assertThatThrownBy(() -> programs.create(otherAgency, STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("budgetLineCode");
                    assertThat(e.getMessage()).contains("belongs to " + Lifecycle.TANGERANG);
                });
    }

    @Test
    void aRegionalLineHasACodeOfFiveNamedParts() {
        assertThatThrownBy(() -> budget.create("3.31.1.2.01.3", "x", Lifecycle.TANGERANG, 2026, FundingSource.APBD,
                java.math.BigDecimal.TEN)).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.getMessage()).contains("urusan.bidang.program.kegiatan.sub-kegiatan");
                });
        assertThat(id.bimtek.budget.BudgetCode.parse("3.31.01.2.01.0003").orElseThrow().named()).containsExactly(
                Map.entry("Urusan", "3"), Map.entry("Bidang Urusan", "3.31"), Map.entry("Program", "3.31.01"),
                Map.entry("Kegiatan", "3.31.01.2.01"), Map.entry("Sub Kegiatan", "0003"));
        // a ministry's line follows its own structure
        assertThat(budget.create("019.03.WA.5829", "Fasilitasi IKM", "Kementerian Perindustrian", 2026, FundingSource.APBN,
                java.math.BigDecimal.TEN).getCodeParts()).isEmpty();
    }

    private static ProgramRequest withBatches(ProgramRequest request, List<ProgramRequest.BatchRequest> batches,
                                              String fiscalYearReason) {
        return new ProgramRequest(request.title(), request.kind(), request.agency(), request.regionCode(),
                request.budgetLineCode(), request.fiscalYear(), request.registrationDeadline(), request.minimumParticipants(),
                request.completionThresholdPercent(), request.followUpRounds(), request.tracks(), batches,
                request.budgetItems(), request.allocationMode(), request.seatOfferTime(), fiscalYearReason);
    }

    @Test
    void onlyDraftsAndProposalsSentBackCanBeEdited() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        assertThatThrownBy(() -> programs.update(program.getId(), lifecycle.sewingBimtek(line), STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
        ProgramRequest unknownLine = new ProgramRequest("x", "BIMTEK", "x", null, "9.99.99", 2025, OffsetDateTime.now().plusDays(3),
                1, 80, null, List.of("APPAREL"), lifecycle.sewingBimtek(line).batches(), lifecycle.sewingBimtek(line).budgetItems());
        assertThatThrownBy(() -> programs.create(unknownLine, STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("budgetLineCode"));
    }
}
