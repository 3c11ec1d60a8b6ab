package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import id.bimtek.budget.BudgetLine;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.followup.FollowUpService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a unit test (surefire skips *Benchmark*): what a programme's whole lifecycle costs with the project's
 * delegates, listeners and domain writes, against the same {@code program-lifecycle.bpmn} on a bare engine with
 * no-op delegates, in one run on one PostgreSQL server (the bare engine in a database of its own, with the
 * project's engine settings: full history, authorizations, removal times, no plugins; its tasks claimed and
 * completed by a signed-in member of their candidate group, as in Tasklist). Both walk the same path, checked
 * activity by activity: proposal, review, budget, five registrations, deadline, confirmation, attendance of
 * three sessions, closing report and its approval, two monitoring rounds. Each runs 20 lifecycles before it is
 * measured (after 5 the JIT was still compiling a thousand methods every few seconds), then 40 in four blocks of
 * ten, the two sides in turn, so that the machine's drift falls on both alike. Prints lifecycles per
 * second, the CPU they took, statements, plans and rows written per lifecycle (pg_stat_statements) and where
 * the rows go. Run it with
 * {@code mvn verify -Dtest=LifecycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
@TestPropertySource(properties = "lifecycle.embedded-db.statement-statistics=true")
class LifecycleBenchmark {

    private static final int WARM_UP = Integer.getInteger("lifecycle.warm-up", 20);
    private static final int LIFECYCLES = 40;
    /** Measured in blocks of LIFECYCLES / BLOCKS, the project's and the bare engine's in turn. */
    private static final int BLOCKS = 4;
    private static final String[] APPLICANTS = {"Siti Aminah", "Dewi Lestari", "Rina Wati", "Ahmad Fauzi", "Budi Santoso"};

    @Autowired Lifecycle lifecycle;
    @Autowired AttendanceService attendance;
    @Autowired FollowUpService followUp;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void theProjectsLifecycleAgainstTheBareEngine() {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("drop database if exists bare_engine");
        jdbc.execute("create database bare_engine");
        ProcessEngine bare = BareEngine.build(((HikariDataSource) dataSource).getJdbcUrl().replaceFirst(
                "/[^/?]+(\\?|$)", "/bare_engine$1"));
        try {
            BudgetLine line = lifecycle.budgetLine(1_000_000_000_000L);
            for (int i = 0; i < WARM_UP; i++) {
                projectLifecycle(line);
                BareEngine.lifecycle(bare);
            }
            List<String> projectPath = path(history, lifecycle.program(projectLifecycle(line).getId()).getProcessInstanceId());
            List<String> barePath = path(bare.getHistoryService(), BareEngine.lifecycle(bare));
            assertThat(barePath).as("the bare engine walks the project's path").isEqualTo(projectPath);

            // alternating blocks: the machine's drift during the run falls on both sides alike
            Spent projectSpent = new Spent();
            Spent bareSpent = new Spent();
            jdbc.execute("select pg_stat_statements_reset()");
            for (int block = 0; block < BLOCKS; block++) {
                timingSteps = true;
                projectSpent.run(LIFECYCLES / BLOCKS, () -> projectLifecycle(line));
                timingSteps = false;
                bareSpent.run(LIFECYCLES / BLOCKS, () -> BareEngine.lifecycle(bare));
            }
            Cost project = measure("postgres", projectSpent);
            Cost engine = measure("bare_engine", bareSpent);
            System.out.printf("%n== one programme's lifecycle (%d activities), %d lifecycles each (%d blocks, the two in turn) after %d to warm up%n"
                    + "| | lifecycles/s | time each | of it in PostgreSQL (planning) | CPU: driving thread / JVM / PostgreSQL"
                    + " | statements | of them writes | rows written |%n"
                    + "| --- | --- | --- | --- | --- | --- | --- | --- |%n%s%n%s%n| ratio | %.2f | | | | %.2f | %.2f | %.2f |%n", projectPath.size(), LIFECYCLES, BLOCKS, WARM_UP,
                    project.row("the project (delegates, listeners, domain)"), engine.row("bare engine, no-op delegates"),
                    project.perSecond() / engine.perSecond(), project.statements / engine.statements,
                    project.writes / engine.writes, project.rowsWritten / engine.rowsWritten);
            System.out.printf("%n== the project's lifecycle step by step (ms each)%n");
            stepMillis.forEach((name, millis) -> System.out.printf("| %s | %.1f |%n", name, millis / LIFECYCLES));
            System.out.printf("%n== rows written per lifecycle, by table%n| table | project | bare engine |%n| --- | --- | --- |%n");
            TreeMap<String, double[]> tables = new TreeMap<>();
            project.rowsByTable.forEach((table, rows) -> tables.computeIfAbsent(table, t -> new double[2])[0] = rows);
            engine.rowsByTable.forEach((table, rows) -> tables.computeIfAbsent(table, t -> new double[2])[1] = rows);
            tables.forEach((table, rows) -> System.out.printf("| %s | %.1f | %.1f |%n", table, rows[0], rows[1]));
            System.out.printf("%n== the project's most frequent statements per lifecycle, then the costliest of the rest%n");
            project.frequent.forEach(System.out::println);
            System.out.printf("%n== the bare engine's most frequent statements per lifecycle, then the costliest of the rest%n");
            engine.frequent.forEach(System.out::println);
            System.out.println();
        } finally {
            bare.close();
            lifecycle.resetClock();
        }
    }

    /** Where the project's lifecycle spends its time, step by step (milliseconds, summed over the measured ones). */
    private final Map<String, Double> stepMillis = new java.util.LinkedHashMap<>();
    private boolean timingSteps;

    private <T> T step(String name, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        if (timingSteps) {
            stepMillis.merge(name, (System.nanoTime() - started) / 1e6, Double::sum);
        }
        return result;
    }

    private void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    /** The happy path of HappyPathTest, through the project's services as its users drive it. */
    private Program projectLifecycle(BudgetLine line) {
        lifecycle.resetClock();
        Program program = step("create and submit the proposal",
                () -> lifecycle.submitted(lifecycle.sewingBimtek(line, 5, 3, 9_000_000, 15_600_000)));
        step("review: approve", () -> lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null));
        step("budget: approve, commit, open registration",
                () -> lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Anggaran tersedia"));
        List<Long> registered = new ArrayList<>();
        step("five registrations", () -> {
            for (String name : APPLICANTS) {
                registered.add(lifecycle.register(program, name).id());
            }
        });
        step("registration deadline (timer)", () -> lifecycle.passTime(Duration.ofDays(8)));
        step("confirm participants", () -> lifecycle.complete(program, "confirmParticipants", STAFF, Map.of()));
        step("attendance of three sessions", () -> {
            long batchId = lifecycle.program(program.getId()).getBatches().get(0).getId();
            lifecycle.sessionsHeld(program);
            for (int session = 1; session <= 3; session++) {
                attendance.record(program.getId(), batchId, session, registered, "staff");
            }
        });
        step("attendance task: completion, certificates", () -> lifecycle.complete(program, "recordAttendance", STAFF, Map.of()));
        step("closing report", () -> lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000),
                        Map.of("description", "Bahan praktik", "amount", 14_100_000)),
                "notes", "Pelatihan selesai, 5 peserta lulus")));
        step("closing: approve, settle, follow-up plans",
                () -> lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null));
        for (int round = 1; round <= 2; round++) {
            int number = round;
            step("monitoring rounds: timer", () -> lifecycle.passTime(Duration.ofDays(95)));
            step("monitoring rounds: outcomes, task", () -> {
                // a round's outcomes as the monitoring page sends them: all graduates at once
                followUp.recordOutcomes(program.getId(), number, registered.stream()
                        .map(id -> new FollowUpService.OutcomeEntry(id, true, BigDecimal.valueOf(4_500_000), 2)).toList(), "staff");
                lifecycle.complete(program, "recordOutcomes", STAFF, Map.of());
            });
        }
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.COMPLETED);
        return program;
    }

    private static List<String> path(HistoryService history, String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(HistoricActivityInstance::getActivityId).sorted().toList();
    }

    /** Time and CPU of one side, summed over its blocks. */
    private static final class Spent {
        private double seconds;
        private CpuTime cpu = new CpuTime(0, 0, 0);

        void run(int lifecycles, Runnable oneLifecycle) {
            CpuTime before = CpuTime.now();
            long started = System.nanoTime();
            for (int i = 0; i < lifecycles; i++) {
                oneLifecycle.run();
            }
            seconds += (System.nanoTime() - started) / 1e9;
            cpu = cpu.plus(CpuTime.now().minus(before));
        }
    }

    /** The side's time and CPU, and what pg_stat_statements counted in its database. */
    private Cost measure(String database, Spent spent) {
        String ofDatabase = " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?"
                + " and s.query not like '%pg_stat_statements%'";
        String written = "(?i)^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_.]+)";
        Map<String, Object> totals = jdbc.queryForMap("select coalesce(sum(calls), 0) as statements,"
                + " coalesce(sum(total_exec_time + total_plan_time), 0) as ms, coalesce(sum(total_plan_time), 0) as plan_ms,"
                + " coalesce(sum(plans), 0) as plans,"
                + " coalesce(sum(calls) filter (where query ~ '" + written + "'), 0) as writes,"
                + " coalesce(sum(rows) filter (where query ~ '" + written + "'), 0) as rows" + ofDatabase, database);
        Map<String, Double> byTable = new HashMap<>();
        jdbc.query("select lower(substring(query from '" + written + "')) as tbl, sum(rows) as rows" + ofDatabase
                + " and query ~ '" + written + "' group by 1", rs -> {
                    byTable.put(rs.getString("tbl"), rs.getDouble("rows") / LIFECYCLES);
                }, database);
        // the most frequent statements, then the costliest of the others (a statement that grows with the data shows there)
        List<String> frequent = jdbc.query("(select calls, plans, rows, total_exec_time + total_plan_time as ms,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as q" + ofDatabase + " order by calls desc limit 30)"
                + " union all (select * from (select calls, plans, rows, total_exec_time + total_plan_time as ms,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 140) as q" + ofDatabase + " order by calls desc offset 30) rest"
                + " order by ms desc limit 10)",
                (rs, n) -> String.format("%6.2f ms %6.1f × (%6.1f rows, %5.1f plans)  %s", rs.getDouble("ms") / LIFECYCLES,
                        rs.getDouble("calls") / LIFECYCLES, rs.getDouble("rows") / LIFECYCLES, rs.getDouble("plans") / LIFECYCLES,
                        rs.getString("q")), database, database);
        return new Cost(spent.seconds, spent.cpu, ((Number) totals.get("ms")).doubleValue() / LIFECYCLES,
                ((Number) totals.get("plan_ms")).doubleValue() / LIFECYCLES, ((Number) totals.get("plans")).doubleValue() / LIFECYCLES,
                ((Number) totals.get("statements")).doubleValue() / LIFECYCLES,
                ((Number) totals.get("writes")).doubleValue() / LIFECYCLES,
                ((Number) totals.get("rows")).doubleValue() / LIFECYCLES, byTable, frequent);
    }

    /**
     * CPU used (milliseconds): by the thread that drives the lifecycles, by the whole JVM (with its compiler and
     * collector), by PostgreSQL's processes (the server's backends; Linux only).
     */
    private record CpuTime(double driver, double jvm, double postgres) {

        static CpuTime now() {
            var jvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new CpuTime(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6,
                    jvm.getProcessCpuTime() / 1e6, postgresMillis());
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(driver - earlier.driver, jvm - earlier.jvm, postgres - earlier.postgres);
        }

        CpuTime plus(CpuTime more) {
            return new CpuTime(driver + more.driver, jvm + more.jvm, postgres + more.postgres);
        }

        /** utime + stime of every process named postgres, from /proc (clock ticks of 10 ms). */
        private static double postgresMillis() {
            double ticks = 0;
            File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
            for (File process : processes == null ? new File[0] : processes) {
                try {
                    String stat = Files.readString(process.toPath().resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended while being read
                }
            }
            return ticks * 10;
        }
    }

    private record Cost(double seconds, CpuTime cpu, double databaseMillis, double planningMillis, double plans,
                        double statements, double writes, double rowsWritten,
                        Map<String, Double> rowsByTable, List<String> frequent) {

        double perSecond() {
            return LIFECYCLES / seconds;
        }

        String row(String name) {
            return String.format("| %s | %.2f | %.0f ms | %.1f ms (%.0f plans: %.1f ms) | %.0f / %.0f / %.0f ms | %.0f | %.0f | %.0f |",
                    name, perSecond(), seconds * 1000 / LIFECYCLES, databaseMillis, plans, planningMillis,
                    cpu.driver / LIFECYCLES, cpu.jvm / LIFECYCLES,
                    cpu.postgres / LIFECYCLES, statements, writes, rowsWritten);
        }
    }

    /**
     * The lifecycle's BPMN on a plain engine: every delegate and listener does nothing, the expressions that
     * ask the domain (deadlines, batches, rounds, the approval chain's inputs) answer constants, and the routing
     * values the delegates and decisions would set are given as the project's happy path sets them.
     */
    static final class BareEngine {

        private static final Map<String, Map<String, Object>> DECISIONS = Map.of(
                "reviewProposal", Map.of("reviewDecision", "APPROVE"),
                "approveBudget", Map.of("budgetDecision", "APPROVE"),
                "approveClosingReport", Map.of("closingDecision", "APPROVE"));
        private static int started;

        static ProcessEngine build(String jdbcUrl) {
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("bare");
            configuration.setJdbcDriver("org.postgresql.Driver");
            configuration.setJdbcUrl(jdbcUrl);
            configuration.setJdbcUsername("postgres");
            configuration.setJdbcPassword("");
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setJobExecutorActivate(false);
            configuration.setHistory("full");
            configuration.setAuthorizationEnabled(true);
            configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
            configuration.setJavaSerializationFormatEnabled(false);
            configuration.setHistoryTimeToLive("P3650D");
            configuration.setHistoryRemovalTimeStrategy("end");
            configuration.setHistoryCleanupStrategy("removalTimeBased");
            NoOp noOp = new NoOp();
            Map<Object, Object> beans = new HashMap<>();
            for (String name : List.of("validateProposalDelegate", "commitBudgetDelegate", "decisionTasks",
                    "taskReminder", "taskEscalation", "recordAttendanceTask", "recordOutcomesTask")) {
                beans.put(name, noOp);
            }
            StageSteps steps = new StageSteps();
            for (String name : List.of("registrationDeadlines", "registrationClosing", "applicantRanking", "registrationService",
                    "attendanceService", "cancellationService", "closingService", "followUpService", "actingUser")) {
                beans.put(name, steps);
            }
            beans.put("programStatus", new NoStatus());
            beans.put("taskDeadlines", new FixedDeadlines());
            beans.put("approvalChainInputs", new FixedApprovalInputs());
            beans.put("processPrograms", new OneProgram());
            beans.put("deliveryBatches", new OneBatch());
            configuration.setBeans(beans);
            ProcessEngine engine = configuration.buildProcessEngine();
            engine.getRepositoryService().createDeployment().name("bare lifecycle")
                    .addClasspathResource("bpmn/program-lifecycle.bpmn")
                    .addClasspathResource("bpmn/budget-approval-chain.dmn").deploy();
            return engine;
        }

        /** One lifecycle, the happy path; returns its process instance id. */
        static String lifecycle(ProcessEngine engine) {
            ClockUtil.reset();
            String id = engine.getRuntimeService().startProcessInstanceByKey("program-lifecycle", "BARE-" + (++started),
                    Map.of("programId", 1L, "proposalValid", true, "budgetCommitted", true, "enoughRegistrants", true,
                            "registrationDeadline", Instant.now().plus(Duration.ofDays(7)).toString())).getId();
            while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(id).list();
                for (Task task : open) {
                    workAsCandidate(engine, task);
                }
                if (open.isEmpty()) {
                    Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers()
                            .orderByJobDuedate().asc().listPage(0, 1).get(0);
                    ClockUtil.setCurrentTime(timer.getDuedate());
                    engine.getManagementService().executeJob(timer.getId());
                }
            }
            return id;
        }

        /**
         * As Tasklist has a task done: a member of its candidate group, signed in, claims and completes it, so the
         * engine checks their authorization and logs the operations, as it does for the project's users.
         */
        private static void workAsCandidate(ProcessEngine engine, Task task) {
            TaskService tasks = engine.getTaskService();
            String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).findFirst().orElseThrow();
            engine.getIdentityService().setAuthentication(group, List.of(group));
            try {
                tasks.claim(task.getId(), group);
                tasks.complete(task.getId(), DECISIONS.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }

        static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
            @Override
            public void execute(DelegateExecution execution) {
            }

            @Override
            public void notify(DelegateTask task) {
            }

            @Override
            public void notify(DelegateExecution execution) {
            }
        }

        public static final class NoStatus {
            public void set(DelegateExecution execution, String status) {
            }
        }

        public static final class FixedDeadlines {
            public Date dueDate(String taskKey) {
                return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
            }

            public Date escalationDate(String taskKey) {
                return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(5)));
            }

            public Date dueDateAfterBatch(String taskKey, Long batchId) {
                return dueDate(taskKey);
            }

            public Date escalationDateAfterBatch(String taskKey, Long batchId) {
                return escalationDate(taskKey);
            }
        }

        public static final class FixedApprovalInputs {
            public long totalAmount(DelegateExecution execution) {
                return 24_600_000L;
            }

            public String fundingSource(DelegateExecution execution) {
                return "APBD";
            }
        }

        public static final class OneProgram {
            public long idOf(DelegateExecution execution) {
                return 1L;
            }
        }

        public static final class OneBatch {
            public List<Long> idsOf(Long programId) {
                return List.of(1L);
            }

            public String nameOf(Long batchId) {
                return "Gelombang 1";
            }
        }

        /** The stage services the BPMN's service tasks call, doing nothing and answering what the happy path needs. */
        public static final class StageSteps {
            public String timerDateOf(long programId) {
                return ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).toString();
            }

            public void extended(long programId, String deadline) {
            }

            public boolean close(long programId, String actor) {
                return true;
            }

            public void rank(long programId, String actor) {
            }

            public void confirmParticipants(long programId, String actor) {
            }

            public void closeBatch(long batchId) {
            }

            public void cancel(long programId, String reason, String actor) {
            }

            public void assessCompletion(long programId) {
            }

            public void settle(long programId, String actor) {
            }

            public void createPlans(long programId, String actor) {
            }

            public List<String> roundDueDates(Long programId) {
                Instant now = ClockUtil.getCurrentTime().toInstant();
                return List.of(now.plus(Duration.ofDays(90)).toString(), now.plus(Duration.ofDays(180)).toString());
            }

            public String of(DelegateExecution execution) {
                return "system";
            }
        }
    }
}
