package id.bimtek.registration;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.MultiRowInsert;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides applications many at a time (group commit): eligibility, one place per NIK, and a seat or a
 * waitlist place. Every seat decision of a programme needs its batch rows locked until commit, so one
 * transaction per applicant caps a rush at one commit at a time. Here a single thread takes whatever
 * applications are waiting (up to {@link #MAX_GROUP}), decides them in arrival order in one transaction
 * with the batch rows locked (eligibility in two queries for the whole group), and answers each applicant
 * only after that transaction has committed: nothing acknowledged can be lost. If a group fails as a
 * whole, its applications are retried one by one, so one bad application fails alone.
 */
@Component
class SeatAllocator implements SmartLifecycle {

    static final int MAX_GROUP = 256;
    /** The places that count for "one NIK holds one place"; the partial unique index is the backstop. */
    static final String HOLDS_A_PLACE = "status in ('REGISTERED', 'WAITLISTED', 'APPLIED', 'OFFERED', 'CONFIRMED')";

    /**
     * Which of the NIKs already hold a place in the programme: one index probe per NIK. Written as
     * {@code nik = any(?)} it is planned from statistics that a rush outruns (the programme "has one
     * registration" until the table is next analysed), and PostgreSQL then read every registration of the
     * programme for each group: 28 ms a group at 47,000 registrations instead of 2.
     */
    static final String PLACE_HOLDERS = """
            select n.nik from unnest(?::varchar[]) as n(nik)
             cross join lateral (select 1 from registration r
                                  where r.program_id = ? and r.nik = n.nik and r.""" + HOLDS_A_PLACE + " limit 1) held";

    private static final Logger LOG = LoggerFactory.getLogger(SeatAllocator.class);

    /** An application waiting for its decision. */
    private record Application(long programId, RegistrationRequest request, String actor, String submissionKeyHash,
                               Instant appliedAt, CompletableFuture<RegistrationView> answer) {
    }

    /** A programme's batch as locked for the group: name, id, seats and the waitlist length. */
    private static final class LockedBatch {
        final long id;
        final String name;
        final int quota;
        int taken;
        int waitlisted;
        final int takenBefore;

        LockedBatch(long id, String name, int quota, int taken, int waitlisted) {
            this.id = id;
            this.name = name;
            this.quota = quota;
            this.taken = taken;
            this.takenBefore = taken;
            this.waitlisted = waitlisted;
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Eligibility eligibility;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Application> waiting = new LinkedBlockingQueue<>();
    private volatile Thread worker;

    private final id.bimtek.notification.Notifications notifications;
    private final ApplicantTexts texts;

    SeatAllocator(JdbcTemplate jdbc, AuditTrail audit, Eligibility eligibility, PlatformTransactionManager transactions,
                  id.bimtek.notification.Notifications notifications, ApplicantTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.eligibility = eligibility;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The allocating thread runs while the application does: started once the context is ready, stopped first. */
    @Override
    public void start() {
        Thread started = new Thread(this::allocateWhatArrives, "seat-allocator");
        started.setDaemon(true);
        started.start();
        worker = started;
    }

    @Override
    public void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = worker;
        return running != null && running.isAlive();
    }

    /** An application from a staff member's list: {@code appliedAt} is the date on the paper form, null for now. */
    record Listed(RegistrationRequest request, Instant appliedAt) {
    }

    /** Waits for the decision on an application: the registration as committed, or the refusal. */
    RegistrationView allocate(long programId, RegistrationRequest request, String actor, String submissionKeyHash,
                              Instant appliedAt) {
        Application application = new Application(programId, request, actor, submissionKeyHash, appliedAt,
                new CompletableFuture<>());
        requireRunning();
        waiting.add(application);
        return answerOf(application);
    }

    /**
     * Decides a whole list in its order: queued at once, the applications are decided up to {@link #MAX_GROUP} per
     * transaction instead of one. Per application its registration or its refusal (a {@link RuntimeException}).
     */
    List<Object> allocateAll(long programId, List<Listed> listed, String actor) {
        return allocateAll(programId, listed, actor, decided -> { });
    }

    /** {@code decided} hears how many of the list have been decided so far, as their groups commit. */
    List<Object> allocateAll(long programId, List<Listed> listed, String actor, java.util.function.IntConsumer decided) {
        List<Application> applications = listed.stream().map(application -> new Application(programId,
                application.request(), actor, null, application.appliedAt(), new CompletableFuture<RegistrationView>()))
                .toList();
        requireRunning();
        waiting.addAll(applications);
        List<Object> outcomes = new ArrayList<>(applications.size());
        for (Application application : applications) {
            try {
                outcomes.add(answerOf(application));
            } catch (ProblemException refused) {
                outcomes.add(refused);
            }
            decided.accept(outcomes.size());
        }
        return outcomes;
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new ProblemException(ProblemException.Kind.UNAVAILABLE, null, "registration is stopping; try again shortly");
        }
    }

    private static RegistrationView answerOf(Application application) {
        try {
            return application.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the seat decision", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void allocateWhatArrives() {
        List<Application> group = new ArrayList<>(MAX_GROUP);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(group, MAX_GROUP - 1);
            allocateGroup(group);
            group.clear();
        }
        Application left;
        while ((left = waiting.poll()) != null) {
            left.answer().completeExceptionally(new ProblemException(ProblemException.Kind.UNAVAILABLE, null,
                    "registration is stopping; try again shortly"));
        }
    }

    private void allocateGroup(List<Application> group) {
        try {
            Map<Application, Object> outcomes = transaction.execute(status -> allocateInOneTransaction(group));
            outcomes.forEach(SeatAllocator::answer);
        } catch (RuntimeException failure) {
            if (group.size() == 1) {
                group.get(0).answer().completeExceptionally(failure);
                return;
            }
            LOG.warn("a group of {} applications failed ({}); allocating them one by one", group.size(), failure.toString());
            for (Application application : group) {
                allocateGroup(List.of(application));
            }
        }
    }

    private static void answer(Application application, Object outcome) {
        if (outcome instanceof RegistrationView registration) {
            application.answer().complete(registration);
        } else {
            application.answer().completeExceptionally((RuntimeException) outcome);
        }
    }

    /** Returns, per application in arrival order, its registration or its refusal. */
    private Map<Application, Object> allocateInOneTransaction(List<Application> group) {
        Map<Application, Object> outcomes = new LinkedHashMap<>();
        Map<Long, List<Application>> byProgram = new TreeMap<>();
        group.forEach(application -> byProgram.computeIfAbsent(application.programId(), id -> new ArrayList<>()).add(application));
        // programmes in id order, batches in id order: the lock order of closing registration and withdrawals
        byProgram.forEach((programId, applications) -> allocateForProgram(programId, applications, outcomes));
        return outcomes;
    }

    private void allocateForProgram(long programId, List<Application> applications, Map<Application, Object> outcomes) {
        Map<String, LockedBatch> batches = new HashMap<>();
        // the lock order of AuditTrail.holdChain: the chain head before the batches
        audit.holdChain(programId);
        jdbc.query("select id, name, quota, taken, waitlisted from batch where program_id = ? order by id for update", rs -> {
            batches.put(rs.getString("name"), new LockedBatch(rs.getLong("id"), rs.getString("name"), rs.getInt("quota"),
                    rs.getInt("taken"), rs.getInt("waitlisted")));
        }, programId);
        // read under the batch locks: closing registration holds them while it changes the status
        Timestamp now = Wib.sqlNow(); // the one clock: the engine's, which tests move
        Map<String, Object> program = jdbc.queryForList("""
                select status, allocation_mode, registration_deadline > ? as before_deadline, ?::timestamptz as at, title
                  from program where id = ?""", now, now, programId).stream().findFirst().orElse(null);
        ProblemException closed = program == null ? ProblemException.notFound("programme " + programId)
                : !ProgramStatus.REGISTRATION_OPEN.name().equals(program.get("status"))
                ? ProblemException.conflict("status", "registration for this programme is not open (programme is "
                        + program.get("status") + ")")
                : Boolean.FALSE.equals(program.get("before_deadline"))
                ? ProblemException.conflict("status", "the registration deadline has passed") : null;
        if (closed != null) {
            applications.forEach(application -> outcomes.put(application, closed));
            return;
        }
        Instant at = ((Timestamp) program.get("at")).toInstant();
        List<Eligibility.Verdict> verdicts = eligibility.of(programId,
                applications.stream().map(Application::request).toList());
        // allocation by selection: applications wait for the ranking after the deadline, nobody holds a seat yet
        boolean bySelection = AllocationMode.SELECTION.name().equals(program.get("allocation_mode"));
        Set<String> placeHolders = new HashSet<>(jdbc.queryForList(PLACE_HOLDERS, String.class,
                applications.stream().map(application -> application.request().nik()).toArray(String[]::new), programId));
        List<Long> ids = new ArrayList<>(jdbc.queryForList(
                "select nextval('registration_id_seq') from generate_series(1, ?)", Long.class, applications.size()));
        ids.sort(null);

        List<Object[]> rows = new ArrayList<>();
        List<AuditTrail.Entry> records = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < applications.size(); i++) {
            Application application = applications.get(i);
            RegistrationRequest request = application.request();
            Eligibility.Verdict verdict = verdicts.get(i);
            if (!verdict.eligible()) {
                outcomes.put(application, ProblemException.refusedBy(verdict.rule(),
                        "SECTOR".equals(verdict.rule()) ? "sector" : "nik", verdict.reason()));
                records.add(refusal(application, verdict.rule(), verdict.reason()));
                continue;
            }
            LockedBatch batch = batches.get(request.batch().trim());
            if (batch == null) {
                outcomes.put(application, ProblemException.invalid("batch", "the programme has no batch '" + request.batch() + "'"));
                continue;
            }
            if (!placeHolders.add(request.nik())) {
                String message = "this NIK already holds a place in the programme";
                outcomes.put(application, new ProblemException(ProblemException.Kind.CONFLICT, "nik", message, "ONE_PLACE_PER_NIK"));
                records.add(refusal(application, "ONE_PLACE_PER_NIK", "NIK ini sudah mendapat tempat di program ini"));
                continue;
            }
            long id = ids.get(next++);
            RegistrationStatus status;
            Integer position = null;
            String rule;
            if (bySelection) {
                status = RegistrationStatus.APPLIED;
                rule = Rules.named("SELECTION") + ": lamaran ke " + batch.name
                        + " diterima; diperingkat bersama lamaran lain setelah batas pendaftaran";
            } else if (batch.taken < batch.quota) {
                status = RegistrationStatus.REGISTERED;
                batch.taken++;
                rule = Rules.named("SEAT_AVAILABLE") + ": kursi ke-" + batch.taken + " dari " + batch.quota
                        + " di " + batch.name;
            } else {
                status = RegistrationStatus.WAITLISTED;
                position = ++batch.waitlisted;
                rule = Rules.named("BATCH_FULL") + ": semua " + batch.quota + " kursi " + batch.name
                        + " sudah terisi; nomor urut daftar tunggu " + position;
            }
            String reference = References.next();
            RegistrationView registration = new RegistrationView(id, programId, batch.id, batch.name, reference,
                    request.nik(), request.nib(), request.name().trim(), request.businessName().trim(), request.sector().trim(),
                    request.district().trim(), status, position, at, null, null, null, null, null);
            rows.add(new Object[] {id, programId, batch.id, reference, request.nik(), registration.name(),
                    registration.businessName(), registration.sector(), registration.district(), request.phone(),
                    request.nib(), request.businessScale() == null ? null : request.businessScale().name(), status.name(), Timestamp.from(at), Timestamp.from(at),
                    application.submissionKeyHash(), Timestamp.from(application.appliedAt() != null ? application.appliedAt() : at),
                    request.monthlyRevenue(), request.employees(), request.email()});
            records.add(AuditTrail.Stage.REGISTRATION.entry("REGISTRATION_" + status.name(), application.actor())
                    .on("pendaftaran #" + id + " " + registration.name())
                    .saying(rule)
                    .changing(null,
                            Map.of("registrationId", id, "nik", request.nik(), "batch", batch.name, "status", status.name())));
            outcomes.put(application, registration);
        }
        MultiRowInsert.insert(jdbc, """
                insert into registration (id, program_id, batch_id, reference, nik, name, business_name, sector, district,
                                          phone, nib, business_scale, status, registered_at, status_changed_at,
                                          submission_key_hash, applied_at, monthly_revenue, employees, email)""", rows);
        for (LockedBatch batch : batches.values()) {
            if (batch.taken != batch.takenBefore) {
                jdbc.update("update batch set taken = ? where id = ?", batch.taken, batch.id);
            }
        }
        audit.appendAll(programId, records);
        // each applicant is told, by the same transaction: no message for a registration that did not happen
        List<id.bimtek.notification.Notifications.ApplicantMessage> messages = new ArrayList<>();
        for (Application application : applications) {
            if (outcomes.get(application) instanceof RegistrationView registration) {
                messages.add(new id.bimtek.notification.Notifications.ApplicantMessage(registration.id(),
                        application.request().phone(), application.request().email(), "REGISTRATION_" + registration.status().name(), programId,
                        texts.outcome((String) program.get("title"), registration)));
            }
        }
        notifications.toApplicants(messages);
    }

    /**
     * A refusal by a rule is kept in the audit trail, in the group's transaction; {@code reason} in Bahasa Indonesia
     * (the eligibility table's reasons are), the rule's code in the recorded values.
     */
    private static AuditTrail.Entry refusal(Application application, String rule, String reason) {
        RegistrationRequest request = application.request();
        return AuditTrail.Stage.REGISTRATION.entry("REGISTRATION_REFUSED", application.actor())
                .on(request.name())
                .saying(Rules.named(rule) + ": " + reason)
                .changing(null,
                        Map.of("nik", request.nik(), "batch", request.batch(), "sector", request.sector(), "rule", rule));
    }
}
