package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.registration.SeatOfferProcess;
import id.bimtek.registration.SeatOffers;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The applicant accepts at the last moment while the offer's timer fires: many threads answer and run the
 * timer job for the same offer at once, and exactly one of them ends it.
 */
@LifecycleTest
class SeatOfferRaceTest {

    private static final int ROUNDS = 6;
    private static final int THREADS_PER_SIDE = 8;

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired SeatOffers seatOffers;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void anAcceptanceAndTheTimerRacingForOneOfferHaveExactlyOneOutcome() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView holder = lifecycle.register(program, "Pemegang Kursi");
        for (int i = 0; i <= ROUNDS; i++) {
            lifecycle.register(program, "Antrean " + i);
        }
        registrations.withdraw(program.getId(), holder.id(), holder.nik(), holder.reference());

        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_SIDE);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                RegistrationView offered = currentOffer(program);
                ProcessInstance offer = runtime.createProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                        .processInstanceBusinessKey(offered.reference()).singleResult();
                Job timer = management.createJobQuery().processInstanceId(offer.getId()).timers().singleResult();
                // the engine's time is up, the applicant's last-moment answer is on its way
                ClockUtil.setCurrentTime(timer.getDuedate());

                List<Callable<Void>> contenders = new ArrayList<>();
                for (int i = 0; i < THREADS_PER_SIDE; i++) {
                    contenders.add(() -> {
                        seatOffers.accept(program.getId(), offered.id(), offered.nik(), offered.reference());
                        return null;
                    });
                    contenders.add(() -> {
                        management.executeJob(timer.getId());
                        return null;
                    });
                }
                int accepted = 0;
                int expired = 0;
                List<Future<Void>> results = runAtOnce(pool, contenders);
                for (int i = 0; i < results.size(); i++) {
                    boolean acceptance = i % 2 == 0;
                    try {
                        results.get(i).get();
                        if (acceptance) {
                            accepted++;
                        } else {
                            expired++;
                        }
                    } catch (ExecutionException lost) {
                        if (acceptance) {
                            // a late or second answer is told plainly, never a server error
                            assertThat(lost.getCause()).isInstanceOfSatisfying(ProblemException.class,
                                    e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
                        }
                    }
                }
                assertThat(accepted + expired).as("round %d: successful contenders", round).isEqualTo(1);
                assertOutcome(program, offered, accepted == 1 ? RegistrationStatus.REGISTERED : RegistrationStatus.OFFER_EXPIRED);
                if (accepted == 1) {
                    // the new seat holder leaves again, so the next round has an offer to race for
                    registrations.withdraw(program.getId(), offered.id(), offered.nik(), offered.reference());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private void assertOutcome(Program program, RegistrationView offered, RegistrationStatus outcome) {
        assertThat(registrations.view(program.getId(), offered.id()).status()).isEqualTo(outcome);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .processInstanceBusinessKey(offered.reference()).singleResult().getEndActivityId())
                .isEqualTo(outcome == RegistrationStatus.REGISTERED ? "seatTaken" : "offerExpired");
        assertThat(audit.of(program.getId())).filteredOn(r -> r.subject() != null && r.subject().startsWith(offered.reference())
                        && (r.kind().equals("SEAT_OFFER_ACCEPTED") || r.kind().equals("SEAT_OFFER_EXPIRED")))
                .hasSize(1);
        assertThat(jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId()))
                .isEqualTo(1);
        assertThat(lifecycle.runningSeatOffers(program)).containsExactlyInAnyOrderElementsOf(registrations.ofProgram(program.getId())
                .stream().filter(r -> r.status() == RegistrationStatus.OFFERED).map(RegistrationView::reference).toList());
    }

    private RegistrationView currentOffer(Program program) {
        return registrations.ofProgram(program.getId()).stream().filter(r -> r.status() == RegistrationStatus.OFFERED)
                .findFirst().orElseThrow();
    }

    private static <T> List<Future<T>> runAtOnce(ExecutorService pool, List<Callable<T>> calls) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        return futures;
    }
}
