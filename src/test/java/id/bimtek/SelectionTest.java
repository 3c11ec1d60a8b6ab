package id.bimtek;

import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.budget.BudgetLine;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Program;
import id.bimtek.registration.ApplicantRanking;
import id.bimtek.registration.BusinessScale;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Allocation by selection: applications are collected until the deadline, ranked by the table
 * registration-ranking (first-time participants and micro businesses first), and nobody is told until
 * staff confirm the ranked list.
 */
@LifecycleTest
class SelectionTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired ApplicantRanking ranking;
    @Autowired AuditTrail audit;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void applicationsAreRankedAfterTheDeadlineAndStaffConfirmTheListBeforeAnyoneIsTold() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        // Rina completed a sewing Bimtek three years ago: eligible again, but no longer a first-time participant
        String rinaNik = Lifecycle.nextNik();
        Program earlier = lifecycle.approved(lifecycle.sewingBimtek(line));
        registrations.register(earlier.getId(), new RegistrationRequest(rinaNik, "Rina Wati", "Konveksi Rina", "APPAREL",
                "Cibodas", "081212345678", "Gelombang 1"));
        jdbc.update("update program set closed_at = now() - interval '3 years' where id = ?", earlier.getId());
        jdbc.update("update registration set completed = true where program_id = ? and nik = ?", earlier.getId(), rinaNik);

        Program program = lifecycle.approved(Lifecycle.bySelection(lifecycle.sewingBimtek(line, 2, 1, 10_000_000)));
        assertThat(program.getAllocationMode()).isEqualTo(AllocationMode.SELECTION);
        RegistrationView rina = apply(program, rinaNik, "Rina Wati", BusinessScale.MICRO);
        RegistrationView ahmad = apply(program, Lifecycle.nextNik(), "Ahmad Fauzi", BusinessScale.MEDIUM);
        RegistrationView siti = apply(program, Lifecycle.nextNik(), "Siti Aminah", BusinessScale.MICRO);
        RegistrationView dewi = apply(program, Lifecycle.nextNik(), "Dewi Lestari", BusinessScale.SMALL);
        RegistrationView budi = apply(program, Lifecycle.nextNik(), "Budi Santoso", null);
        // an application holds its place like a registration: no seat and no waitlist yet, one per NIK
        assertThat(siti.status()).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(siti.waitlistPosition()).isNull();
        assertThatThrownBy(() -> apply(program, siti.nik(), "Siti Aminah", BusinessScale.MICRO))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.rule()).isEqualTo("ONE_PLACE_PER_NIK");
                });
        assertThat(registrations.withdraw(program.getId(), budi.id(), budi.nik(), budi.reference()).status())
                .isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(seatsTaken(program)).isZero();

        ProcessInstance instance = lifecycle.instanceOf(program);
        lifecycle.passTime(Duration.ofDays(8));
        assertThat(instance).hasPassed("closeRegistration", "rankApplications").isWaitingAt("confirmParticipants");

        // first-time micro (15 points), first-time small (12), first-time medium (10), micro but not first-time (5)
        assertThat(ranking.of(program.getId())).extracting(ApplicantRanking.Ranked::name, ApplicantRanking.Ranked::points,
                ApplicantRanking.Ranked::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Siti Aminah", 15, 1), org.assertj.core.groups.Tuple.tuple("Dewi Lestari", 12, 2),
                org.assertj.core.groups.Tuple.tuple("Ahmad Fauzi", 10, 3), org.assertj.core.groups.Tuple.tuple("Rina Wati", 5, 4));
        // nobody is told before staff confirm: every application still reads APPLIED
        assertThat(registrations.view(program.getId(), siti.id()).status()).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(registrations.view(program.getId(), rina.id()).status()).isEqualTo(RegistrationStatus.APPLIED);
        // staff see the ranked list on the task
        String shown = (String) tasks.getVariableLocal(lifecycle.task(program, "confirmParticipants").getId(), "rankedList");
        assertThat(shown).contains("1. Siti Aminah").contains("15 poin, peserta baru, usaha mikro — TERPILIH")
                .contains("4. Rina Wati").contains("— cadangan");

        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        assertThat(instance).isWaitingAt("recordAttendance");
        assertThat(registrations.view(program.getId(), siti.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.view(program.getId(), dewi.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.view(program.getId(), ahmad.id()).status()).isEqualTo(RegistrationStatus.NOT_SELECTED);
        assertThat(registrations.view(program.getId(), rina.id()).status()).isEqualTo(RegistrationStatus.NOT_SELECTED);
        assertThat(seatsTaken(program)).isEqualTo(2);
        assertThat(audit.of(program.getId())).extracting(AuditTrail.Record::kind)
                .contains("REGISTRATION_APPLIED", "APPLICATIONS_RANKED", "PARTICIPANTS_CONFIRMED");
    }

    @Test
    void aFirstComeProgrammeHasNothingToRank() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(Duration.ofDays(8));
        assertThat(lifecycle.instanceOf(program)).hasPassed("rankApplications").isWaitingAt("confirmParticipants");
        assertThat(ranking.of(program.getId())).isEmpty();
        assertThat(audit.of(program.getId())).extracting(AuditTrail.Record::kind).doesNotContain("APPLICATIONS_RANKED");
    }

    private RegistrationView apply(Program program, String nik, String name, BusinessScale scale) {
        return registrations.register(program.getId(), new RegistrationRequest(nik, name, "Usaha " + name, "APPAREL",
                "Cibodas", "081212345678", "Gelombang 1", null, scale));
    }

    private int seatsTaken(Program program) {
        return jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId());
    }
}
