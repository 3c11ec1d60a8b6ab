package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.audit.AuditTrail;
import id.bimtek.registration.ScheduleChanges;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.BatchSession;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.PageBrowser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch moved before it starts: sessions shift with it, the trail keeps old and new, and every applicant of the
 * batch hears the new dates and place in the same transaction; a batch that started, a date in the past or before
 * registration closes is refused with nothing changed.
 */
@LifecycleTest
class ScheduleChangeTest {

    @Autowired Lifecycle lifecycle;
    @Autowired ScheduleChanges schedule;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @LocalServerPort int port;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void aMovedBatchTakesItsSessionsAlongAndEveryApplicantHearsOfIt() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView seated = lifecycle.register(program, "Siti Aminah");
        RegistrationView waiting = lifecycle.register(program, "Dewi Lestari");
        Batch before = lifecycle.program(program.getId()).getBatches().get(0);
        LocalDate start = before.getStartDate().plusDays(7);
        List<LocalDate> sessionDays = before.getSessionPlan().stream().map(BatchSession::getSessionDate).toList();

        // a move that rolls back tells nobody and moves nothing
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            schedule.move(program.getId(), before.getId(), start, "Aula BLK Kota Tangerang", "Aula lama direnovasi", "department-head");
            status.setRollbackOnly();
        });
        assertThat(messages(program, "SCHEDULE_CHANGED")).isEmpty();
        assertThat(lifecycle.program(program.getId()).getBatches().get(0).getStartDate()).isEqualTo(before.getStartDate());

        // the department head moves it on the page
        PageBrowser head = new PageBrowser(port).signIn("department-head");
        assertThat(head.get("/kerja/program/" + program.getId() + "/jadwal").body()).contains("Pindah Gelombang 1");
        String answer = head.follow(head.post("/kerja/program/" + program.getId() + "/jadwal", Map.of("gelombang",
                before.getId().toString(), "mulai", start.toString(), "tempat", "Aula BLK Kota Tangerang",
                "alasan", "Aula lama direnovasi"), true)).body();
        assertThat(answer).contains("dipindah ke", "2 pendaftar diberi tahu");

        Batch after = lifecycle.program(program.getId()).getBatches().get(0);
        assertThat(after.getStartDate()).isEqualTo(start);
        assertThat(after.getEndDate()).isEqualTo(before.getEndDate().plusDays(7));
        assertThat(after.getVenue()).isEqualTo("Aula BLK Kota Tangerang");
        assertThat(after.getSessionPlan()).extracting(BatchSession::getSessionDate)
                .containsExactlyElementsOf(sessionDays.stream().map(day -> day.plusDays(7)).toList());
        assertThat(after.getSessionPlan()).extracting(BatchSession::getVenue).containsOnly("Aula BLK Kota Tangerang");

        assertThat(audit.of(program.getId())).filteredOn(record -> record.kind().equals("SCHEDULE_CHANGED")).singleElement()
                .satisfies(record -> {
                    assertThat(record.actor()).isEqualTo("department-head");
                    assertThat(record.detail()).isEqualTo("Aula lama direnovasi");
                    assertThat(record.oldValue()).contains(before.getStartDate().toString(), before.getVenue());
                    assertThat(record.newValue()).contains(start.toString(), "Aula BLK Kota Tangerang");
                });
        String day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("id"))
                .format(start);
        assertThat(messages(program, "SCHEDULE_CHANGED")).hasSize(2)
                .extracting(row -> (long) row.get("registration_id")).containsExactlyInAnyOrder(seated.id(), waiting.id());
        assertThat(messages(program, "SCHEDULE_CHANGED")).allSatisfy(row -> assertThat((String) row.get("body"))
                .contains(day, "Aula BLK Kota Tangerang", "Aula lama direnovasi"));
    }

    @Test
    void aStartedBatchAPastDateOrOneBeforeRegistrationClosesIsRefusedWithNothingChanged() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        Batch batch = lifecycle.program(program.getId()).getBatches().get(0);
        long records = audit.of(program.getId()).size();

        assertThatThrownBy(() -> schedule.move(program.getId(), batch.getId(), LocalDate.now().minusDays(1), null, "Libur",
                "department-head")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo("START_NOT_AHEAD"));
        LocalDate beforeDeadline = program.getRegistrationDeadline().atZone(id.bimtek.shared.Wib.ZONE).toLocalDate().minusDays(2);
        assertThatThrownBy(() -> schedule.move(program.getId(), batch.getId(), beforeDeadline, null, "Libur",
                "department-head")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo("START_BEFORE_REGISTRATION_CLOSES"));

        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", Lifecycle.STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        assertThatThrownBy(() -> schedule.move(program.getId(), batch.getId(), batch.getStartDate().plusDays(30), null,
                "Libur", "department-head")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo("BATCH_STARTED"));

        assertThat(lifecycle.program(program.getId()).getBatches().get(0).getStartDate()).isEqualTo(batch.getStartDate());
        assertThat(messages(program, "SCHEDULE_CHANGED")).isEmpty();
        assertThat(audit.of(program.getId()).stream().filter(r -> r.kind().equals("SCHEDULE_CHANGED"))).isEmpty();
        assertThat(audit.of(program.getId()).size()).isGreaterThan((int) records); // the lifecycle went on; no move recorded
    }

    private List<Map<String, Object>> messages(Program program, String kind) {
        return jdbc.queryForList("""
                select registration_id, body from notification
                 where program_id = ? and kind = ? and recipient_phone is not null order by id""", program.getId(), kind);
    }
}
