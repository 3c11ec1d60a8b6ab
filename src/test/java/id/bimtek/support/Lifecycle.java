package id.bimtek.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetService;
import id.bimtek.budget.FundingSource;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.ProgramService;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.workflow.SeatOfferProcess;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.Roles;
import id.bimtek.shared.Wib;
import id.bimtek.workflow.WorkflowTasks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drives programmes through the engine the way users and time would, and checks the invariants. */
@TestComponent
public class Lifecycle {

    public static final String TANGERANG = "Disperindakop dan UKM Kota Tangerang";
    /** Seeded from the clock: a database kept between runs already holds the codes of earlier runs. */
    private static final java.util.concurrent.atomic.AtomicLong BUDGET_CODES =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() / 1000 % 1_000_000);
    public static final CurrentUser STAFF = new CurrentUser("staff", List.of(Roles.STAFF));
    public static final CurrentUser DIVISION_HEAD = new CurrentUser("division-head", List.of(Roles.DIVISION_HEAD));
    public static final CurrentUser DEPARTMENT_HEAD = new CurrentUser("department-head", List.of(Roles.DEPARTMENT_HEAD));
    public static final CurrentUser DEPARTMENT_SECRETARY = new CurrentUser("department-secretary", List.of(Roles.DEPARTMENT_HEAD));

    private static final AtomicLong NIKS = new AtomicLong(System.nanoTime() % 1_000_000);

    /** Which statuses each wait state of the process allows (see ProgramStatus). */
    private static final Map<String, ProgramStatus> STATUS_OF_ACTIVITY = Map.ofEntries(
            Map.entry("reviseProposal", ProgramStatus.REVISION_REQUIRED),
            Map.entry("reviewProposal", ProgramStatus.IN_REVIEW),
            Map.entry("approveBudget", ProgramStatus.BUDGET_APPROVAL),
            Map.entry("secondBudgetApproval", ProgramStatus.BUDGET_APPROVAL),
            Map.entry("registrationDeadline", ProgramStatus.REGISTRATION_OPEN),
            Map.entry("decideUndersubscription", ProgramStatus.REGISTRATION_CLOSED),
            Map.entry("confirmParticipants", ProgramStatus.REGISTRATION_CLOSED),
            Map.entry("recordAttendance", ProgramStatus.IN_DELIVERY),
            Map.entry("fileClosingReport", ProgramStatus.CLOSING),
            Map.entry("approveClosingReport", ProgramStatus.CLOSING_APPROVAL),
            Map.entry("roundDue", ProgramStatus.FOLLOW_UP),
            Map.entry("recordOutcomes", ProgramStatus.FOLLOW_UP));

    private final ProgramService programs;
    private final ProgramRepository programRepository;
    private final BudgetService budget;
    private final RegistrationService registrations;
    private final WorkflowTasks workflowTasks;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final id.bimtek.audit.AuditTrail audit;
    private final id.bimtek.workflow.DecisionLog decisions;
    private final JdbcTemplate jdbc;
    private final FormService forms;

    public Lifecycle(ProgramService programs, ProgramRepository programRepository, BudgetService budget,
                     RegistrationService registrations, WorkflowTasks workflowTasks, TaskService tasks,
                     RuntimeService runtime, ManagementService management, HistoryService history,
                     id.bimtek.audit.AuditTrail audit, id.bimtek.workflow.DecisionLog decisions, JdbcTemplate jdbc,
                     FormService forms) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.audit = audit;
        this.decisions = decisions;
        this.programs = programs;
        this.programRepository = programRepository;
        this.budget = budget;
        this.registrations = registrations;
        this.workflowTasks = workflowTasks;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
    }

    public BudgetLine budgetLine(long ceiling) {
        return budgetLine(ceiling, FundingSource.APBD);
    }

    public BudgetLine budgetLine(long ceiling, FundingSource source) {
        return budgetLine(ceiling, source, TANGERANG);
    }

    /** A line of {@code agency} for the fiscal year the test programmes' batches fall in. */
    public BudgetLine budgetLine(long ceiling, FundingSource source, String agency) {
        return budget.create(nextBudgetCode(), "Pemberdayaan Industri dan Peran Serta Masyarakat", agency,
                firstSessionDay().getYear(), source, BigDecimal.valueOf(ceiling));
    }

    /** A regional code (urusan.bidang.program.kegiatan.sub-kegiatan) not used before in this database. */
    public static String nextBudgetCode() {
        long n = BUDGET_CODES.incrementAndGet();
        return String.format("3.31.%02d.2.01.%04d", n / 10_000 % 100, n % 10_000);
    }

    /**
     * The first day of the test programmes' batches: two weeks ahead, moved past New Year when a week of
     * sessions would straddle it (a programme falls in one fiscal year).
     */
    public static LocalDate firstSessionDay() {
        LocalDate start = Wib.today().plusDays(14);
        return start.getYear() == start.plusDays(6).getYear() ? start : LocalDate.of(start.getYear() + 1, 1, 2);
    }

    /** The Kota Tangerang sewing Bimtek of August 2022: one batch of 39 seats, three session days. */
    public ProgramRequest sewingBimtek(BudgetLine line) {
        return sewingBimtek(line, 39, 20, 9_000_000, 15_600_000);
    }

    public ProgramRequest sewingBimtek(BudgetLine line, int quota, int minimum, long... amounts) {
        Instant deadline = Wib.now().plus(Duration.ofDays(7)); // the one clock: the engine's, which tests move
        LocalDate start = firstSessionDay();
        List<ProgramRequest.BudgetItemRequest> items = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            items.add(new ProgramRequest.BudgetItemRequest(i == 0 ? "Honorarium instruktur" : i == 1 ? "Bahan praktik" : "Bahan praktik " + i,
                    BigDecimal.valueOf(amounts[i])));
        }
        return new ProgramRequest("Bimtek Pengembangan Produk Industri: Menjahit", "BIMTEK",
                TANGERANG, null, line.getCode(), line.getFiscalYear(),
                deadline.atOffset(ZoneOffset.ofHours(7)), minimum, 80, List.of("P3M", "P6M"), List.of("APPAREL"),
                List.of(new ProgramRequest.BatchRequest("Gelombang 1", List.of("APPAREL"), start, start.plusDays(2),
                        "SMKN 3 Kota Tangerang", DeliveryMode.OFFLINE, quota, 3)),
                items);
    }

    /** The same proposal for the residents of one region (Kemendagri code) only. */
    public static ProgramRequest inRegion(ProgramRequest request, String regionCode) {
        return new ProgramRequest(request.title(), request.kind(), request.agency(), regionCode, request.budgetLineCode(),
                request.fiscalYear(), request.registrationDeadline(), request.minimumParticipants(),
                request.completionThresholdPercent(), request.followUpRounds(), request.tracks(), request.batches(),
                request.budgetItems());
    }

    /** The same proposal with its seats allocated by selection (ranked after the deadline) instead of first come. */
    public static ProgramRequest bySelection(ProgramRequest request) {
        return new ProgramRequest(request.title(), request.kind(), request.agency(), request.regionCode(),
                request.budgetLineCode(), request.fiscalYear(), request.registrationDeadline(), request.minimumParticipants(),
                request.completionThresholdPercent(), request.followUpRounds(), request.tracks(), request.batches(),
                request.budgetItems(), AllocationMode.SELECTION, request.seatOfferTime());
    }

    public Program submitted(ProgramRequest request) {
        Program draft = programs.create(request, STAFF.id());
        programs.submit(draft.getId(), STAFF.id());
        return program(draft.getId());
    }

    public Program program(long id) {
        return programs.get(id);
    }

    /** The programme's running process instance, or null once it has ended. */
    public org.camunda.bpm.engine.runtime.ProcessInstance instanceOf(Program program) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(program.getCode()).singleResult();
    }

    public Task task(Program program, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(program.getCode())
                .taskDefinitionKey(key).list();
        assertThat(open).as("open task %s of %s", key, program.getCode()).isNotEmpty();
        return open.get(0);
    }

    /** What the form of the programme's open task {@code key} shows in its field {@code field}, as Tasklist reads it. */
    public String shownOnForm(Program program, String key, String field) {
        return (String) forms.getTaskFormVariables(task(program, key).getId()).get(field);
    }

    public void complete(Program program, String key, CurrentUser user, Map<String, Object> form) {
        workflowTasks.complete(task(program, key).getId(), form, user);
    }

    public void decide(Program program, String key, CurrentUser user, String decision, String comment) {
        complete(program, key, user, comment == null ? Map.of("decision", decision)
                : Map.of("decision", decision, "comment", comment));
    }

    /** Review approved, budget approved (and committed): registration is open. */
    public Program approved(ProgramRequest request) {
        Program program = submitted(request);
        decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", "Sesuai rencana kerja");
        decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Disetujui");
        return program(program.getId());
    }

    public RegistrationView register(Program program, String name) {
        return registrations.register(program.getId(), applicant(name, "Gelombang 1"));
    }

    public static RegistrationRequest applicant(String name, String batch) {
        return new RegistrationRequest(nextNik(), name, "Konveksi " + name, "APPAREL", "Cibodas", "081212345678", batch);
    }

    /** A well-formed NIK of Kota Tangerang (36.71), unique within the test run. */
    public static String nextNik() {
        return String.format("367101%s%04d", "450890", 1 + NIKS.incrementAndGet() % 9_999);
    }

    /** Runs the programme's asynchronous continuations (the steps after its user tasks) until none is left. */
    public int runAsyncSteps(Program program) {
        int ran = 0;
        for (int round = 0; round < 20; round++) {
            List<Job> steps = management.createJobQuery().processInstanceId(program(program.getId()).getProcessInstanceId())
                    .messages().executable().list();
            if (steps.isEmpty()) {
                break;
            }
            for (Job job : steps) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    /** Moves the engine's clock and runs every timer that is then due; returns how many ran. */
    public int passTime(Duration duration) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
        ClockUtil.setCurrentTime(now);
        int ran = 0;
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().timers().duedateLowerThan(new Date(now.getTime() + 1000)).list();
            if (due.isEmpty()) {
                break;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    private void assertAuditTrailComplete(Program program) {
        List<id.bimtek.audit.AuditTrail.Record> trail = audit.of(program.getId());
        assertThat(audit.verify(program.getId()).valid()).as("audit chain of %s", program.getCode()).isTrue();
        for (id.bimtek.workflow.Decision decision : decisions.of(program.getId())) {
            assertThat(trail).as("decision %s %s of %s in the audit trail", decision.getTaskKey(), decision.getDecision(),
                    program.getCode()).anySatisfy(record -> {
                        assertThat(record.kind()).isEqualTo("DECISION");
                        assertThat(record.actor()).isEqualTo(decision.getActor());
                        assertThat(record.detail()).startsWith(decision.getDecision());
                    });
        }
        if (program.getProcessInstanceId() != null) {
            for (org.camunda.bpm.engine.history.HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(program.getProcessInstanceId()).finished().list()) {
                String kind = "completed".equals(task.getDeleteReason()) ? "TASK_COMPLETED" : "TASK_WITHDRAWN";
                assertThat(trail).as("%s of %s in the audit trail of %s", kind, task.getName(), program.getCode())
                        .anySatisfy(record -> {
                            assertThat(record.kind()).isEqualTo(kind);
                            assertThat(record.newValue()).contains(task.getId());
                            if (kind.equals("TASK_COMPLETED")) {
                                // completed through the engine's API with nobody logged in and nobody holding it: the system
                                assertThat(record.actor()).isEqualTo(task.getAssignee() == null ? "system" : task.getAssignee());
                            }
                        });
            }
        }
    }

    /** The running seat offers of a programme, by their business key ({@code pendaftaran-<registration id>}). */
    public List<String> runningSeatOffers(Program program) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .variableValueEquals(SeatOfferProcess.PROGRAM_ID, program.getId()).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).toList();
    }

    /**
     * Every OFFERED registration has exactly one running seat-offer process and no other runs; every
     * ended offer completed normally; every batch's seat count is its seat holders (REGISTERED, OFFERED,
     * CONFIRMED).
     */
    private void assertSeatsAndOffersMatch(Program program) {
        List<String> offered = jdbc.queryForList("select 'pendaftaran-' || id from registration where program_id = ? and status = 'OFFERED'",
                String.class, program.getId());
        assertThat(runningSeatOffers(program)).as("running seat offers of %s", program.getCode())
                .containsExactlyInAnyOrderElementsOf(offered);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .variableValueEquals(SeatOfferProcess.PROGRAM_ID, program.getId()).finished().list())
                .as("ended seat offers of %s", program.getCode())
                .allSatisfy(offer -> assertThat(offer.getState()).isEqualTo("COMPLETED"));
        assertThat(jdbc.queryForList("""
                select b.name from batch b
                 where b.program_id = ? and b.taken <> (select count(*) from registration r where r.batch_id = b.id
                                                        and r.status in ('REGISTERED', 'OFFERED', 'CONFIRMED'))""",
                String.class, program.getId())).as("batches of %s whose seat count is off", program.getCode()).isEmpty();
        assertThat(jdbc.queryForList("""
                select b.name from batch b
                 where b.program_id = ? and b.waitlisted <> (select count(*) from registration r where r.batch_id = b.id
                                                             and r.status = 'WAITLISTED')""",
                String.class, program.getId())).as("batches of %s whose waitlist length is off", program.getCode()).isEmpty();
    }

    /**
     * Moves the engine's clock to 17:00 WIB on the programme's last session day (never back): attendance is
     * recorded from a session's day on. Timers that fall due are left to the tests about them.
     */
    public void sessionsHeld(Program program) {
        java.sql.Date last = jdbc.queryForObject("""
                select max(s.session_date) from batch_session s join batch b on b.id = s.batch_id where b.program_id = ?""",
                java.sql.Date.class, program.getId());
        Instant evening = last.toLocalDate().atTime(17, 0).atZone(id.bimtek.shared.Wib.ZONE).toInstant();
        if (evening.isAfter(ClockUtil.getCurrentTime().toInstant())) {
            ClockUtil.setCurrentTime(Date.from(evening));
        }
    }

    /** The kinds of the programme's audit records, oldest first. */
    public List<String> auditKinds(Program program) {
        return audit.of(program.getId()).stream().map(id.bimtek.audit.AuditTrail.Record::kind).toList();
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    /**
     * The domain status of every programme matches where its process instance stands, its seat offers
     * match their processes, and its audit trail is complete and unbroken: every decision and every
     * completed task is in it, by its actor.
     */
    public void assertStatusesMatchProcesses() {
        for (Program program : programRepository.findAll()) {
            assertAuditTrailComplete(program);
            assertSeatsAndOffersMatch(program);
            if (program.getProcessInstanceId() == null) {
                assertThat(program.getStatus()).as(program.getCode()).isIn(ProgramStatus.DRAFT, ProgramStatus.CANCELLED);
                continue;
            }
            boolean running = runtime.createProcessInstanceQuery().processInstanceId(program.getProcessInstanceId()).count() > 0;
            if (!running) {
                assertThat(program.getStatus()).as("status of ended %s", program.getCode())
                        .isIn(ProgramStatus.COMPLETED, ProgramStatus.REJECTED, ProgramStatus.CANCELLED);
                var ended = history.createHistoricProcessInstanceQuery().processInstanceId(program.getProcessInstanceId())
                        .singleResult();
                // (gone once history cleanup has removed it, ten years on: see HistoryRetentionTest)
                if (ended != null) {
                    assertThat(ended.getState()).isEqualTo("COMPLETED");
                }
                continue;
            }
            Set<ProgramStatus> expected = runtime.getActiveActivityIds(program.getProcessInstanceId()).stream()
                    .map(STATUS_OF_ACTIVITY::get).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(expected).as("wait states of %s", program.getCode()).hasSize(1);
            assertThat(program.getStatus()).as("status of %s", program.getCode()).isEqualTo(expected.iterator().next());
        }
    }
}
