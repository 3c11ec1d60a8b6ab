package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LifecycleTest
class RegistrationTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired BudgetLineRepository lines;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void aFullBatchWaitlistsAndAWithdrawalOffersTheSeatToTheFirstInLine() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        RegistrationView first = lifecycle.register(program, "Siti Aminah");
        lifecycle.register(program, "Dewi Lestari");
        RegistrationView third = lifecycle.register(program, "Rina Wati");
        RegistrationView fourth = lifecycle.register(program, "Ahmad Fauzi");
        assertThat(first.status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(third.waitlistPosition()).isEqualTo(1);
        assertThat(fourth.waitlistPosition()).isEqualTo(2);

        assertThatThrownBy(() -> registrations.withdraw(program.getId(), first.id(), Lifecycle.nextNik(), first.reference()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.NOT_FOUND));
        // a wrong reference gets the very same answer: neither tells a guesser which part was right
        assertThatThrownBy(() -> registrations.withdraw(program.getId(), first.id(), first.nik(), "AAAAA-AAAAA"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("no registration matches this NIK and reference"));
        RegistrationView withdrawn = registrations.withdraw(program.getId(), first.id(), first.nik(), first.reference());
        assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        // the offered applicant holds the seat until they answer (see SeatOfferTest)
        assertThat(registrations.view(program.getId(), third.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.view(program.getId(), fourth.id()).waitlistPosition()).isEqualTo(1);
        assertThat(seatsTaken(program)).isEqualTo(2);

        // a waitlisted applicant withdrawing frees no seat
        registrations.withdraw(program.getId(), fourth.id(), fourth.nik(), fourth.reference());
        assertThat(seatsTaken(program)).isEqualTo(2);
        // the withdrawn applicant may apply again, to the end of the line
        RegistrationView again = registrations.register(program.getId(), new RegistrationRequest(first.nik(), first.name(),
                first.businessName(), "APPAREL", "Cibodas", "081212345678", "Gelombang 1"));
        assertThat(again.status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void oneNikHoldsOnePlaceInAProgramme() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        RegistrationView first = lifecycle.register(program, "Siti Aminah");
        RegistrationRequest twice = new RegistrationRequest(first.nik(), "Siti A.", "Konveksi Lain", "APPAREL", "Cibodas",
                "081212345679", "Gelombang 1");
        assertThatThrownBy(() -> registrations.register(program.getId(), twice))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.field()).isEqualTo("nik");
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
                });
        assertThat(registrations.ofProgram(program.getId())).hasSize(1);
        assertThat(seatsTaken(program)).isEqualTo(1);
    }

    @Test
    void registrationIsOnlyOpenWhileTheProcessSaysSo() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThatThrownBy(() -> lifecycle.register(program, "Siti Aminah"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
        assertThatThrownBy(() -> registrations.register(program.getId(), Lifecycle.applicant("Siti", "Gelombang 9")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void tooFewRegistrantsLetTheDepartmentHeadExtendTheDeadline() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 3, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(Duration.ofDays(8));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("decideUndersubscription");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REGISTRATION_CLOSED);
        assertThatThrownBy(() -> lifecycle.register(program, "Terlambat"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));

        assertThatThrownBy(() -> lifecycle.decide(program, "decideUndersubscription", DEPARTMENT_HEAD, "EXTEND", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("newDeadline"));
        OffsetDateTime newDeadline = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(10).withNano(0);
        lifecycle.complete(program, "decideUndersubscription", DEPARTMENT_HEAD,
                Map.of("decision", "EXTEND", "newDeadline", newDeadline.toString()));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
        Program extended = lifecycle.program(program.getId());
        assertThat(extended.getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);
        assertThat(extended.getRegistrationDeadline()).isEqualTo(newDeadline.toInstant());

        lifecycle.register(program, "Dewi Lestari");
        lifecycle.register(program, "Rina Wati");
        lifecycle.passTime(Duration.ofDays(11));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");
    }

    @Test
    void tooFewRegistrantsLetTheDepartmentHeadCancel() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line, 39, 3, 10_000_000));
        RegistrationView only = lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.decide(program, "decideUndersubscription", DEPARTMENT_HEAD, "CANCEL", "Peminat terlalu sedikit");

        assertThat(lifecycle.instanceOf(program)).isNull();
        Program cancelled = lifecycle.program(program.getId());
        assertThat(cancelled.getStatus()).isEqualTo(ProgramStatus.CANCELLED);
        assertThat(cancelled.getCancellationReason()).isEqualTo("Peminat terlalu sedikit");
        assertThat(registrations.view(program.getId(), only.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("0");
    }

    @Test
    void manyApplicantsAtOnceNeverOverbookABatch() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 10_000_000));
        int applicants = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<RegistrationView>> calls = new ArrayList<>();
            for (int i = 0; i < applicants; i++) {
                RegistrationRequest request = Lifecycle.applicant("Pelamar " + i, "Gelombang 1");
                calls.add(() -> registrations.register(program.getId(), request));
            }
            List<RegistrationView> results = new ArrayList<>();
            for (Future<RegistrationView> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            assertThat(results.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED)).hasSize(39);
            assertThat(results.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)).hasSize(applicants - 39);
            assertThat(results.stream().map(RegistrationView::waitlistPosition).filter(java.util.Objects::nonNull).distinct())
                    .hasSize(applicants - 39);

            // withdrawals race against new registrations: the batch stays exactly full, each freed seat offered
            List<RegistrationView> seated = results.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED).toList();
            List<Callable<RegistrationView>> race = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RegistrationView leaving = seated.get(i);
                race.add(() -> registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference()));
                RegistrationRequest late = Lifecycle.applicant("Terlambat " + i, "Gelombang 1");
                race.add(() -> registrations.register(program.getId(), late));
            }
            for (Future<RegistrationView> result : pool.invokeAll(race)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seatsTaken(program)).isEqualTo(39);
        assertThat(jdbc.queryForObject("select count(*) from registration where program_id = ? and status = 'REGISTERED'",
                Integer.class, program.getId())).isEqualTo(39 - 20);
        assertThat(jdbc.queryForObject("select count(*) from registration where program_id = ? and status = 'OFFERED'",
                Integer.class, program.getId())).isEqualTo(20);
        assertThat(lifecycle.runningSeatOffers(program)).hasSize(20);
        assertThat(jdbc.queryForObject("select count(*) from registration where program_id = ? and status = 'WAITLISTED'",
                Integer.class, program.getId())).isEqualTo(applicants + 20 - 39 - 20);
    }

    private int seatsTaken(Program program) {
        return jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId());
    }
}
