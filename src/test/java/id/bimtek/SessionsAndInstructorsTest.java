package id.bimtek;

import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.FundingSource;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.instructor.Instructor;
import id.bimtek.instructor.InstructorService;
import id.bimtek.proposal.CompletionBasis;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.InstructorRole;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramRequest.InstructorAssignment;
import id.bimtek.proposal.ProgramRequest.SessionRequest;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.SessionMode;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Jakarta Timur way: theory online, practice on site, each session with its day, times, place or link,
 * topic and instructors, the honoraria paid from a budget item; completion counted in hours.
 */
@LifecycleTest
class SessionsAndInstructorsTest {

    private static final String AGENCY = "Suku Dinas PPKUKM Jakarta Timur";
    private static final String HONORARIA = "Honorarium instruktur dan narasumber";

    @Autowired Lifecycle lifecycle;
    @Autowired ProgramService programs;
    @Autowired InstructorService instructors;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void sessionsHaveTheirTimesPlacesAndInstructorsAndCompletionCountsHours() {
        Instructor rina = instructors.register("Rina Kartika", "Menjahit busana", "LPK Kartika", "081298765432", null, "staff");
        Instructor andi = instructors.register("Dr. Andi Wijaya", "Pemasaran digital UMKM", "Universitas Negeri Jakarta",
                null, "andi@example.id", "staff");
        BudgetLine line = lifecycle.budgetLine(500_000_000, FundingSource.APBD, AGENCY);
        LocalDate day = Lifecycle.firstSessionDay();
        List<SessionRequest> plan = List.of(
                new SessionRequest(day, LocalTime.of(9, 0), LocalTime.of(12, 0), SessionMode.ONLINE, null,
                        "https://zoom.us/j/8123456789", "Teori: pemasaran produk busana",
                        List.of(new InstructorAssignment(andi.getId(), InstructorRole.NARASUMBER, BigDecimal.valueOf(1_000_000), HONORARIA))),
                new SessionRequest(day.plusDays(1), LocalTime.of(8, 0), LocalTime.of(16, 0), SessionMode.ON_SITE,
                        "PPKUKM Pulogadung", null, "Praktik: menjahit pola dasar",
                        List.of(new InstructorAssignment(rina.getId(), InstructorRole.INSTRUKTUR, BigDecimal.valueOf(2_000_000), HONORARIA))),
                new SessionRequest(day.plusDays(2), LocalTime.of(8, 0), LocalTime.of(12, 0), SessionMode.ON_SITE,
                        "PPKUKM Pulogadung", null, "Praktik: finishing",
                        List.of(new InstructorAssignment(rina.getId(), InstructorRole.INSTRUKTUR, BigDecimal.valueOf(1_000_000), HONORARIA))));
        ProgramRequest request = jakartaTimur(line, day, plan);

        // the plan's shape is checked when staff save it, naming the field
        assertRefused(request, s -> new SessionRequest(day.minusDays(1), s.start(), s.end(), s.mode(), s.venue(), s.meetingLink(),
                s.topic(), s.instructors()), 0, "batches[0].sessionPlan[0].date");
        assertRefused(request, s -> new SessionRequest(s.date(), s.start(), s.end(), SessionMode.ONLINE, "PPKUKM", null,
                s.topic(), s.instructors()), 0, "batches[0].sessionPlan[0].meetingLink");
        assertRefused(request, s -> new SessionRequest(s.date(), s.start(), s.start(), s.mode(), s.venue(), s.meetingLink(),
                s.topic(), s.instructors()), 0, "batches[0].sessionPlan[0].end");
        assertRefused(request, s -> new SessionRequest(s.date(), s.start(), s.end(), s.mode(), s.venue(), s.meetingLink(),
                s.topic(), List.of(new InstructorAssignment(andi.getId(), InstructorRole.NARASUMBER, BigDecimal.ONE, "Konsumsi"))),
                0, "batches[0].sessionPlan[0].instructors[0].honorariumItem");
        assertRefused(request, s -> new SessionRequest(s.date(), s.start(), s.end(), s.mode(), s.venue(), s.meetingLink(),
                s.topic(), List.of(new InstructorAssignment(andi.getId(), InstructorRole.NARASUMBER,
                BigDecimal.valueOf(3_000_000), HONORARIA))), 2, "batches[0].sessionPlan[2].instructors[0].honorarium");
        assertRefused(request, s -> new SessionRequest(s.date(), s.start(), s.end(), s.mode(), s.venue(), s.meetingLink(),
                s.topic(), List.of(new InstructorAssignment(999_999_999L, InstructorRole.NARASUMBER, null, null))), 0, "batches");

        Program submitted = lifecycle.submitted(request);
        // the head sees who teaches what, where and for how much
        String shown = lifecycle.shownOnForm(submitted, "reviewProposal", "programBatches");
        assertThat(shown).contains("3 sesi (15 jam)").contains("daring https://zoom.us/j/8123456789: Teori: pemasaran produk busana")
                .contains("Dr. Andi Wijaya (narasumber, honorarium Rp 1.000.000 dari " + HONORARIA + ")")
                .contains("08:00–16:00, tatap muka di PPKUKM Pulogadung: Praktik: menjahit pola dasar — Rina Kartika (instruktur");
        lifecycle.decide(submitted, "reviewProposal", Lifecycle.DIVISION_HEAD, "APPROVE", null);
        lifecycle.decide(submitted, "approveBudget", Lifecycle.DEPARTMENT_HEAD, "APPROVE", null);
        Program program = lifecycle.program(submitted.getId());

        RegistrationView full = register(program, "Siti Aminah");
        RegistrationView practiceOnly = register(program, "Dewi Lestari");
        RegistrationView theoryAndFinishing = register(program, "Rina Wati");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = program.getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        attendance.record(program.getId(), batch, 1, List.of(full.id(), theoryAndFinishing.id()), List.of(), STAFF.id());
        attendance.record(program.getId(), batch, 2, List.of(full.id(), practiceOnly.id()), List.of(rina.getId()), STAFF.id());
        attendance.record(program.getId(), batch, 3, List.of(full.id(), practiceOnly.id(), theoryAndFinishing.id()),
                List.of(rina.getId()), STAFF.id());
        assertThatThrownBy(() -> attendance.record(program.getId(), batch, 1, List.of(), List.of(rina.getId()), STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("instructorsPresent[0]"));
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");

        // 15 of 15 hours, 12 of 15 (80 %: complete, though only 2 of 3 sessions), 7 of 15 (46 %: not, though 2 of 3 sessions)
        assertThat(List.of(full, practiceOnly, theoryAndFinishing)).extracting(r -> registrations.view(program.getId(), r.id()))
                .extracting(RegistrationView::attendedHours, RegistrationView::attendancePercent, RegistrationView::completed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("15.00"), 100, true),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("12.00"), 80, true),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("7.00"), 46, false));
        assertThat(jdbc.queryForList("""
                select i.name || ':' || a.present from instructor_attendance a join instructor i on i.id = a.instructor_id
                 join batch_session s on s.id = a.session_id where s.batch_id = ? order by s.session_no""", String.class, batch))
                .containsExactly("Dr. Andi Wijaya:false", "Rina Kartika:true", "Rina Kartika:true");
    }

    private void assertRefused(ProgramRequest request, UnaryOperator<SessionRequest> change, int index, String field) {
        ProgramRequest.BatchRequest batch = request.batches().get(0);
        List<SessionRequest> plan = new java.util.ArrayList<>(batch.sessionPlan());
        plan.set(index, change.apply(plan.get(index)));
        ProgramRequest changed = withBatch(request, new ProgramRequest.BatchRequest(batch.name(), batch.tracks(), batch.startDate(),
                batch.endDate(), batch.venue(), batch.mode(), batch.quota(), null, plan));
        assertThatThrownBy(() -> programs.create(changed, STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private RegistrationView register(Program program, String name) {
        return registrations.register(program.getId(), new id.bimtek.registration.RegistrationRequest(Lifecycle.nextNik(), name,
                "Konveksi " + name, "APPAREL", "Cakung", "081212345678", "Gelombang 1"));
    }

    private static ProgramRequest jakartaTimur(BudgetLine line, LocalDate day, List<SessionRequest> plan) {
        return new ProgramRequest("Pelatihan Menjahit Warga Jakarta Timur", "PELATIHAN", AGENCY, null, line.getCode(),
                line.getFiscalYear(), java.time.OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7), 1, 80, List.of("P3M"),
                List.of("APPAREL"), List.of(new ProgramRequest.BatchRequest("Gelombang 1", List.of("APPAREL"), day, day.plusDays(2),
                        "PPKUKM Pulogadung", DeliveryMode.HYBRID, 3, null, plan)),
                List.of(new ProgramRequest.BudgetItemRequest(HONORARIA, BigDecimal.valueOf(5_000_000)),
                        new ProgramRequest.BudgetItemRequest("Bahan praktik", BigDecimal.valueOf(3_000_000))),
                null, null, null, CompletionBasis.HOURS);
    }

    private static ProgramRequest withBatch(ProgramRequest r, ProgramRequest.BatchRequest batch) {
        return new ProgramRequest(r.title(), r.kind(), r.agency(), r.regionCode(), r.budgetLineCode(), r.fiscalYear(),
                r.registrationDeadline(), r.minimumParticipants(), r.completionThresholdPercent(), r.followUpRounds(), r.tracks(),
                List.of(batch), r.budgetItems(), r.allocationMode(), r.seatOfferTime(), r.fiscalYearReason(), r.completionBasis());
    }
}
