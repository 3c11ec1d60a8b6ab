package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.workflow.SeatOfferProcess;
import id.bimtek.registration.SeatOffers;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The applicant accepts at the last moment while the offer's timer fires: threads answering and threads
 * running the timer job of the same offer are all in flight at once, and exactly one of them ends it. Some
 * rounds release everyone at the same instant; others queue one side first on the seat's lock, so both
 * outcomes are seen.
 */
@LifecycleTest
class SeatOfferRaceTest {

    private enum Start { ALL_AT_ONCE, TIMER_FIRST, ANSWER_FIRST }

    private static final List<Start> ROUNDS = List.of(Start.ALL_AT_ONCE, Start.TIMER_FIRST, Start.ANSWER_FIRST,
            Start.ALL_AT_ONCE, Start.ANSWER_FIRST, Start.TIMER_FIRST, Start.ALL_AT_ONCE);
    /** Everyone at once: more than the connection pool, so some also wait for a connection. */
    private static final int THREADS_PER_SIDE_AT_ONCE = 8;
    /** Queued on the lock: each contender and the lock holder need a connection of the pool of 10. */
    private static final int THREADS_PER_SIDE_QUEUED = 4;

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired SeatOffers seatOffers;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void anAcceptanceAndTheTimerRacingForOneOfferHaveExactlyOneOutcome() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView holder = lifecycle.register(program, "Pemegang Kursi");
        for (int i = 0; i <= ROUNDS.size(); i++) {
            lifecycle.register(program, "Antrean " + i);
        }
        registrations.withdraw(program.getId(), holder.id(), holder.nik(), holder.reference());

        Set<RegistrationStatus> outcomes = EnumSet.noneOf(RegistrationStatus.class);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_SIDE_AT_ONCE);
        try {
            for (int round = 0; round < ROUNDS.size(); round++) {
                RegistrationView offered = currentOffer(program);
                ProcessInstance offer = runtime.createProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                        .processInstanceBusinessKey(SeatOfferProcess.businessKeyOf(offered.id())).singleResult();
                Job timer = management.createJobQuery().processInstanceId(offer.getId()).timers()
                        .activityId("offerTimeOver").singleResult();
                // a second before the offer ends (by the one clock, the engine's): the applicant's last-moment answer
                // and the timer's job, run now as a slow job executor would run it, race for the offer
                ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() - 1_000));

                Callable<Void> accept = () -> {
                    seatOffers.accept(program.getId(), offered.id(), offered.nik(), offered.reference());
                    return null;
                };
                Callable<Void> expire = () -> {
                    management.executeJob(timer.getId());
                    return null;
                };
                Race race = ROUNDS.get(round) == Start.ALL_AT_ONCE ? allAtOnce(pool, accept, expire)
                        : queuedOnTheSeatLock(pool, offered.batchId(), ROUNDS.get(round) == Start.TIMER_FIRST, accept, expire);
                int accepted = race.successes(race.accepting());
                int expired = race.successes(race.expiring());
                assertThat(accepted + expired).as("round %d (%s): contenders that ended the offer", round, ROUNDS.get(round))
                        .isEqualTo(1);
                RegistrationStatus outcome = accepted == 1 ? RegistrationStatus.REGISTERED : RegistrationStatus.OFFER_EXPIRED;
                if (ROUNDS.get(round) != Start.ALL_AT_ONCE) {
                    // whoever queued first on the seat's lock ends the offer
                    assertThat(outcome).isEqualTo(ROUNDS.get(round) == Start.TIMER_FIRST
                            ? RegistrationStatus.OFFER_EXPIRED : RegistrationStatus.REGISTERED);
                }
                outcomes.add(outcome);
                assertOutcome(program, offered, outcome);
                if (outcome == RegistrationStatus.REGISTERED) {
                    // the new seat holder leaves again, so the next round has an offer to race for
                    registrations.withdraw(program.getId(), offered.id(), offered.nik(), offered.reference());
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes).containsExactlyInAnyOrder(RegistrationStatus.REGISTERED, RegistrationStatus.OFFER_EXPIRED);
    }

    /** The contenders of one round: those answering and those running the timer job. */
    private record Race(List<Future<Void>> accepting, List<Future<Void>> expiring) {

        int successes(List<Future<Void>> side) throws InterruptedException {
            int succeeded = 0;
            for (Future<Void> contender : side) {
                try {
                    contender.get();
                    succeeded++;
                } catch (ExecutionException lost) {
                    if (side == accepting) {
                        // a late or second answer is told plainly, never a server error
                        assertThat(lost.getCause()).isInstanceOfSatisfying(ProblemException.class,
                                e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
                    }
                }
            }
            return succeeded;
        }
    }

    private static Race allAtOnce(ExecutorService pool, Callable<Void> accept, Callable<Void> expire) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> accepting = new ArrayList<>();
        List<Future<Void>> expiring = new ArrayList<>();
        for (int i = 0; i < THREADS_PER_SIDE_AT_ONCE; i++) {
            accepting.add(pool.submit(() -> {
                start.await();
                return accept.call();
            }));
            expiring.add(pool.submit(() -> {
                start.await();
                return expire.call();
            }));
        }
        start.countDown();
        return new Race(accepting, expiring);
    }

    /**
     * Holds the seat's lock while one side's contenders queue on it, then the other side's, then lets go:
     * all are in flight together, and the first in the queue goes first.
     */
    private Race queuedOnTheSeatLock(ExecutorService pool, long batchId, boolean timerFirst, Callable<Void> accept,
                                     Callable<Void> expire) {
        List<Future<Void>> accepting = new ArrayList<>();
        List<Future<Void>> expiring = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.queryForObject("select id from batch where id = ? for update", Long.class, batchId);
            for (int side = 0; side < 2; side++) {
                boolean timerSide = (side == 0) == timerFirst;
                for (int i = 0; i < THREADS_PER_SIDE_QUEUED; i++) {
                    (timerSide ? expiring : accepting).add(pool.submit(timerSide ? expire : accept));
                }
                awaitSessionsWaitingForALock((side + 1) * THREADS_PER_SIDE_QUEUED);
            }
        });
        return new Race(accepting, expiring);
    }

    /** Sessions of the test database waiting for a lock (pg_locks is live, also inside a transaction). */
    private void awaitSessionsWaitingForALock(int sessions) {
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(distinct pid) from pg_locks where not granted", Integer.class) >= sessions);
    }

    private void assertOutcome(Program program, RegistrationView offered, RegistrationStatus outcome) {
        assertThat(registrations.view(program.getId(), offered.id()).status()).isEqualTo(outcome);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .processInstanceBusinessKey(SeatOfferProcess.businessKeyOf(offered.id())).singleResult().getEndActivityId())
                .isEqualTo(outcome == RegistrationStatus.REGISTERED ? "seatTaken" : "offerExpired");
        assertThat(audit.of(program.getId())).filteredOn(r -> r.subject() != null && r.subject().startsWith("pendaftaran #" + offered.id() + " ")
                        && (r.kind().equals("SEAT_OFFER_ACCEPTED") || r.kind().equals("SEAT_OFFER_EXPIRED")))
                .hasSize(1);
        assertThat(jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId()))
                .isEqualTo(1);
        assertThat(lifecycle.runningSeatOffers(program)).containsExactlyInAnyOrderElementsOf(registrations.ofProgram(program.getId())
                .stream().filter(r -> r.status() == RegistrationStatus.OFFERED).map(r -> SeatOfferProcess.businessKeyOf(r.id())).toList());
    }

    private RegistrationView currentOffer(Program program) {
        return registrations.ofProgram(program.getId()).stream().filter(r -> r.status() == RegistrationStatus.OFFERED)
                .findFirst().orElseThrow();
    }
}
