package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.cancellation.CancellationService;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LifecycleTest
class CancellationAndClosingTest {

    @Autowired Lifecycle lifecycle;
    @Autowired CancellationService cancellation;
    @Autowired ProgramService programs;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired BudgetLineRepository lines;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    private void assertCancelled(Program program, BudgetLine line) {
        assertThat(lifecycle.instanceOf(program)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(program.getProcessInstanceId())
                .activityId("cancelProgram").count()).isEqualTo(1);
        Program cancelled = lifecycle.program(program.getId());
        assertThat(cancelled.getStatus()).isEqualTo(ProgramStatus.CANCELLED);
        assertThat(cancelled.getCancellationReason()).isEqualTo("Refocusing anggaran");
        assertThat(cancelled.getCommittedAmount()).isEqualByComparingTo("0");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("0");
        assertThat(registrations.ofProgram(program.getId()))
                .allSatisfy(r -> assertThat(r.status()).isIn(RegistrationStatus.CANCELLED, RegistrationStatus.WITHDRAWN));
    }

    @Test
    void aDraftIsCancelledWithoutAProcess() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program draft = programs.create(lifecycle.sewingBimtek(line), STAFF.id());
        cancellation.requestCancellation(draft.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertThat(lifecycle.program(draft.getId()).getStatus()).isEqualTo(ProgramStatus.CANCELLED);
    }

    @Test
    void cancellationDuringReview() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertCancelled(program, line);
    }

    @Test
    void cancellationDuringRevision() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REVISE", "Perbaiki jadwal");
        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertCancelled(program, line);
    }

    @Test
    void cancellationDuringBudgetApproval() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertCancelled(program, line);
    }

    @Test
    void cancellationDuringRegistrationReleasesTheBudgetAndCancelsRegistrations() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line, 1, 1, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        lifecycle.register(program, "Dewi Lestari");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("10000000");
        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertCancelled(program, line);
        assertThat(registrations.ofProgram(program.getId())).hasSize(2);
    }

    @Test
    void cancellationAfterRegistrationClosedAndDuringDelivery() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program closed = lifecycle.approved(lifecycle.sewingBimtek(line, 5, 1, 10_000_000));
        lifecycle.register(closed, "Siti Aminah");
        Program delivering = lifecycle.approved(lifecycle.sewingBimtek(line, 5, 1, 10_000_000));
        lifecycle.register(delivering, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(delivering, "confirmParticipants", STAFF, Map.of());
        assertThat(lifecycle.instanceOf(closed)).isWaitingAt("confirmParticipants");
        assertThat(lifecycle.instanceOf(delivering)).isWaitingAt("recordAttendance");

        cancellation.requestCancellation(closed.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        cancellation.requestCancellation(delivering.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertCancelled(closed, line);
        assertCancelled(delivering, line);
    }

    @Test
    void aProgrammeInClosingCanNoLongerBeCancelledAndAClosingReportCanBeSentBack() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line, 5, 1, 10_000_000, 5_000_000));
        RegistrationView participant = lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batchId = lifecycle.program(program.getId()).getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batchId, session, List.of(participant.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");

        assertThatThrownBy(() -> cancellation.requestCancellation(program.getId(), "Terlambat", DEPARTMENT_HEAD.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 16_000_000)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("realisedItems"));
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", "banyak")))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("realisedItems[0].amount"));
        // a number too large to spell out is refused in a sentence, not with a 500 or a million digits
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", "1e999999999")))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("realisedItems[0].amount");
                    assertThat(e.getMessage()).hasSizeLessThan(120);
                });

        // realisation is per planned item: not above its plan, not twice, and anything unplanned says why
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Bahan praktik", "amount", 6_000_000)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("realisedItems[0].amount");
                    assertThat(e.getMessage()).contains("exceeds the Rp 5.000.000 planned for 'Bahan praktik'");
                });
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Bahan praktik", "amount", 1_000_000),
                        Map.of("description", "bahan praktik ", "amount", 1_000_000)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("realisedItems[1].description"));
        assertThatThrownBy(() -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Konsumsi peserta", "amount", 500_000)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("realisedItems[0].reason");
                    assertThat(e.getMessage()).contains("Honorarium instruktur, Bahan praktik");
                });
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");

        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 10_000_000),
                        Map.of("description", "Konsumsi peserta", "amount", 500_000,
                                "reason", "Sesi praktik diperpanjang sampai sore"))));
        // the head sees what she approves: plan against realisation, the unplanned item with its reason
        String shown = lifecycle.shownOnForm(program, "approveClosingReport", "closingReport");
        assertThat(shown).contains("• Honorarium instruktur: rencana Rp 10.000.000, realisasi Rp 10.000.000")
                .contains("• Konsumsi peserta (tidak direncanakan): realisasi Rp 500.000 — alasan: Sesi praktik diperpanjang")
                .contains("• Bahan praktik: rencana Rp 5.000.000, realisasi Rp 0")
                .contains("Jumlah realisasi Rp 10.500.000 dari Rp 15.000.000 terkomitmen; kembali ke pagu Rp 4.500.000")
                .contains("Dilaporkan oleh staff");
        assertThatThrownBy(() -> lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "REVISE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "REVISE", "Lampirkan realisasi bahan praktik");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.CLOSING);

        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 10_000_000),
                        Map.of("description", "Bahan praktik", "amount", 4_250_000.50)),
                "notes", "Realisasi lengkap"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);
        BudgetLine settled = lines.findById(line.getId()).orElseThrow();
        assertThat(settled.getRealised()).isEqualByComparingTo("14250000.50");
        assertThat(settled.getCommitted()).isEqualByComparingTo("0");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.FOLLOW_UP);
        assertThat(registrations.view(program.getId(), participant.id()).certificateNumber())
                .isEqualTo(program.getCode() + "/SERT/001");
    }
}
