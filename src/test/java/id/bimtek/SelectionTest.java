package id.bimtek;

import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.budget.BudgetLine;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Program;
import id.bimtek.registration.ApplicantImport;
import id.bimtek.registration.ApplicantRanking;
import id.bimtek.registration.ImportReport;
import id.bimtek.registration.BusinessScale;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
    @Autowired ApplicantImport applicantImport;
    @Autowired AuditTrail audit;
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
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
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
        String shown = lifecycle.shownOnForm(program, "confirmParticipants", "rankedList");
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

    /**
     * An agency's paper list: the date on each form and the earlier programmes from its own records. The
     * repeat rule refuses who completed one recently, an earlier completion is no longer "first-time", and
     * among equal points the earlier form ranks first whatever the file's order.
     */
    @Test
    void anImportedListBringsItsApplicationDatesAndEarlierParticipation() {
        Program program = lifecycle.approved(Lifecycle.bySelection(
                lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000)));
        LocalDate today = LocalDate.now(Wib.ZONE);
        int thisYear = today.getYear();
        String recent = Lifecycle.nextNik();
        String file = "nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;tanggal_daftar;program_sebelumnya;tahun_sebelumnya\n"
                + recent + ";Rina Wati;Konveksi Rina;APPAREL;Cibodas;081212345674;Gelombang 1;" + dmy(today.minusDays(20))
                + ";Bimtek Menjahit Dasar;" + (thisYear - 1) + "\n"
                + Lifecycle.nextNik() + ";Ahmad Fauzi;Konveksi Ahmad;APPAREL;Cibodas;081212345675;Gelombang 1;"
                + today.minusDays(25) + ";Bimtek Menjahit Dasar;" + (thisYear - 5) + "\n"
                + Lifecycle.nextNik() + ";Dewi Lestari;Konveksi Dewi;APPAREL;Cibodas;081212345679;Gelombang 1;"
                + dmy(today.minusDays(3)) + ";;\n"
                + Lifecycle.nextNik() + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1;"
                + today.minusDays(10) + ";;\n"
                + Lifecycle.nextNik() + ";Ani;Konveksi Ani;APPAREL;Cibodas;081212345672;Gelombang 1;"
                + today.plusDays(2) + ";;\n"
                + Lifecycle.nextNik() + ";Wati;Konveksi Wati;APPAREL;Cibodas;081212345673;Gelombang 1;;Pelatihan Boga;\n"
                + Lifecycle.nextNik() + ";Yuni;Konveksi Yuni;APPAREL;Cibodas;081212345670;Gelombang 1;31/02/2026;;\n";

        ImportReport report = applicantImport.importCsv(program.getId(), file.getBytes(StandardCharsets.UTF_8), "staff");

        assertThat(report.results()).extracting(ImportReport.RowResult::row, ImportReport.RowResult::outcome,
                ImportReport.RowResult::field, ImportReport.RowResult::rule).containsExactly(
                tuple(2L, ImportReport.Outcome.REFUSED, "nik", "EARLIER_PARTICIPATION"),
                tuple(3L, ImportReport.Outcome.APPLIED, null, "SELECTION"),
                tuple(4L, ImportReport.Outcome.APPLIED, null, "SELECTION"),
                tuple(5L, ImportReport.Outcome.APPLIED, null, "SELECTION"),
                tuple(6L, ImportReport.Outcome.INVALID, "tanggal_daftar", null),
                tuple(7L, ImportReport.Outcome.INVALID, "tahun_sebelumnya", null),
                tuple(8L, ImportReport.Outcome.INVALID, "tanggal_daftar", null));
        assertThat(report.results().get(4).message()).contains("in the future");
        assertThat(report.results().get(6).message()).contains("'31/02/2026' is not a date");
        assertThat(jdbc.queryForObject("select count(*) from earlier_participation where recorded_for_program_id = ?",
                Integer.class, program.getId())).isEqualTo(2);
        assertThat(audit.of(program.getId())).filteredOn(record -> record.kind().equals("APPLICANTS_IMPORTED"))
                .singleElement().satisfies(record -> assertThat(record.newValue()).contains("\"earlierParticipationsRecorded\":2"));
        // the same file sent twice: every applicant already holds a place, and no earlier completion is kept twice
        assertThat(applicantImport.importCsv(program.getId(), file.getBytes(StandardCharsets.UTF_8), "staff").totals().applied())
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from earlier_participation where nik = ?", Integer.class, recent))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from earlier_participation where recorded_for_program_id = ?",
                Integer.class, program.getId())).isEqualTo(2);

        lifecycle.passTime(Duration.ofDays(8));

        // Siti (form 10 days ago) before Dewi (3 days ago) at 10 points each; Ahmad completed one 5 years ago: 0 points
        assertThat(ranking.of(program.getId())).extracting(ApplicantRanking.Ranked::name, ApplicantRanking.Ranked::points,
                ApplicantRanking.Ranked::rank).containsExactly(tuple("Siti Aminah", 10, 1), tuple("Dewi Lestari", 10, 2),
                tuple("Ahmad Fauzi", 0, 3));
    }

    private static String dmy(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
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
