package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.followup.FollowUpService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LifecycleTest
class HappyPathTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RuntimeService runtime;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired FollowUpService followUp;
    @Autowired BudgetLineRepository lines;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void programmeGoesFromProposalThroughFollowUpToCompleted() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line, 5, 3, 9_000_000, 15_600_000));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(program.getCode()).singleResult();
        assertThat(instance).isWaitingAt("reviewProposal");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.IN_REVIEW);

        lifecycle.decide(program, "reviewProposal", Lifecycle.DIVISION_HEAD, "APPROVE", null);
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.BUDGET_APPROVAL);
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Anggaran tersedia");
        assertThat(instance).isWaitingAt("registrationDeadline");
        program = lifecycle.program(program.getId());
        assertThat(program.getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);
        assertThat(program.getCommittedAmount()).isEqualByComparingTo("24600000");
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("24600000");

        List<RegistrationView> registered = new ArrayList<>();
        for (String name : List.of("Siti Aminah", "Dewi Lestari", "Rina Wati", "Ahmad Fauzi", "Budi Santoso", "Sri Mulyani")) {
            registered.add(lifecycle.register(program, name));
        }
        assertThat(registered.get(5).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registered.get(5).waitlistPosition()).isEqualTo(1);

        lifecycle.passTime(Duration.ofDays(8));
        assertThat(instance).isWaitingAt("confirmParticipants");
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        assertThat(instance).isWaitingAt("recordAttendance");
        assertThat(registrations.view(program.getId(), registered.get(0).id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.view(program.getId(), registered.get(5).id()).status()).isEqualTo(RegistrationStatus.NOT_SELECTED);

        long batchId = lifecycle.program(program.getId()).getBatches().get(0).getId();
        List<Long> all = registered.subList(0, 5).stream().map(RegistrationView::id).toList();
        lifecycle.sessionsHeld(program);
        attendance.record(program.getId(), batchId, 1, all, "staff");
        attendance.record(program.getId(), batchId, 2, all, "staff");
        // the last two missed the third day: 66 % < 80 %, no certificate
        attendance.record(program.getId(), batchId, 3, all.subList(0, 3), "staff");
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());

        assertThat(instance).isWaitingAt("fileClosingReport");
        RegistrationView graduate = registrations.view(program.getId(), all.get(0));
        assertThat(graduate.completed()).isTrue();
        assertThat(graduate.certificateNumber()).isEqualTo(program.getCode() + "/SERT/001");
        assertThat(registrations.view(program.getId(), all.get(4)).completed()).isFalse();
        assertThat(registrations.view(program.getId(), all.get(4)).certificateNumber()).isNull();

        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000),
                        Map.of("description", "Bahan praktik", "amount", 14_100_000)),
                "notes", "Pelatihan selesai, 3 peserta lulus"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);

        program = lifecycle.program(program.getId());
        assertThat(program.getStatus()).isEqualTo(ProgramStatus.FOLLOW_UP);
        BudgetLine settled = lines.findById(line.getId()).orElseThrow();
        assertThat(settled.getCommitted()).isEqualByComparingTo("0");
        assertThat(settled.getRealised()).isEqualByComparingTo("23100000");
        assertThat(settled.getRemaining()).isEqualByComparingTo("476900000");
        assertThat(followUp.items(program.getId())).hasSize(3);

        assertThat(instance).isWaitingAt("roundDue");
        for (int round = 1; round <= 2; round++) {
            lifecycle.passTime(Duration.ofDays(round == 1 ? 95 : 95));
            assertThat(instance).isWaitingAt("recordOutcomes");
            // two tasks of one name would look the same in Tasklist: each names its round
            assertThat(lifecycle.task(program, "recordOutcomes").getName()).isEqualTo("Catat hasil pemantauan, putaran " + round);
            for (Long id : all.subList(0, 3)) {
                followUp.recordOutcome(program.getId(), id, round, true, BigDecimal.valueOf(4_500_000), 2, "staff");
            }
            lifecycle.complete(program, "recordOutcomes", STAFF, Map.of());
        }
        assertThat(instance).isEnded();
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.COMPLETED);
        assertThat(followUp.outcomes(program.getId())).hasSize(6);
    }
}
