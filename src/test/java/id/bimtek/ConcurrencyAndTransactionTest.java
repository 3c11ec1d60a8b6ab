package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DEPARTMENT_SECRETARY;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.DecisionLog;
import id.bimtek.workflow.WorkflowTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LifecycleTest
class ConcurrencyAndTransactionTest {

    @Autowired Lifecycle lifecycle;
    @Autowired WorkflowTasks tasks;
    @Autowired DecisionLog decisions;
    @Autowired BudgetLineRepository lines;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void approvalsAtTheSameMomentNeverOverCommitALine() throws Exception {
        BudgetLine line = lifecycle.budgetLine(30_000_000);
        List<Program> programs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Program program = lifecycle.submitted(lifecycle.sewingBimtek(line, 39, 20, 10_000_000));
            lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
            programs.add(program);
        }
        List<String> taskIds = programs.stream().map(p -> lifecycle.task(p, "approveBudget").getId()).toList();
        runAtOnce(taskIds.stream().<Callable<Object>>map(id -> () -> {
            tasks.complete(id, Map.of("decision", "APPROVE"), id.hashCode() % 2 == 0 ? DEPARTMENT_HEAD : DEPARTMENT_SECRETARY);
            return null;
        }).toList());

        BudgetLine after = lines.findById(line.getId()).orElseThrow();
        assertThat(after.getCommitted()).isEqualByComparingTo("30000000");
        List<ProgramStatus> statuses = programs.stream().map(p -> lifecycle.program(p.getId()).getStatus()).toList();
        assertThat(statuses).filteredOn(s -> s == ProgramStatus.REGISTRATION_OPEN).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == ProgramStatus.REVISION_REQUIRED).hasSize(3);
        assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from budget_movement where budget_line_id = ? and kind = 'COMMIT'",
                java.math.BigDecimal.class, line.getId())).isEqualByComparingTo("30000000");
    }

    @Test
    void aDecisionIsTakenOnceWhenTwoHeadsActOnTheSameTaskAtOnce() throws Exception {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        String taskId = lifecycle.task(program, "approveBudget").getId();
        List<Future<Object>> results = runAtOnce(List.of(
                () -> { tasks.complete(taskId, Map.of("decision", "APPROVE"), DEPARTMENT_HEAD); return null; },
                () -> { tasks.complete(taskId, Map.of("decision", "REJECT", "comment", "Tidak"), DEPARTMENT_SECRETARY); return null; }));

        long failed = results.stream().filter(ConcurrencyAndTransactionTest::failed).count();
        assertThat(failed).isEqualTo(1);
        assertThat(decisions.of(program.getId())).filteredOn(d -> d.getTaskKey().equals("approveBudget")).hasSize(1);
        assertThat(lifecycle.program(program.getId()).getStatus()).isIn(ProgramStatus.REGISTRATION_OPEN, ProgramStatus.REJECTED);
    }

    @Test
    void aFailingDelegateLeavesNoHalfWrittenDomainChange() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        // the ledger write fails after the line's committed amount was already updated in the same transaction
        jdbc.execute("""
                create or replace function fail_ledger() returns trigger language plpgsql as
                $$ begin raise exception 'ledger unavailable'; end $$""");
        jdbc.execute("create trigger fail_ledger before insert on budget_movement for each row execute function fail_ledger()");
        try {
            assertThatThrownBy(() -> lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Setuju"))
                    .hasStackTraceContaining("ledger unavailable");
        } finally {
            jdbc.execute("drop trigger fail_ledger on budget_movement");
        }
        assertThat(lines.findById(line.getId()).orElseThrow().getCommitted()).isEqualByComparingTo("0");
        Program unchanged = lifecycle.program(program.getId());
        assertThat(unchanged.getStatus()).isEqualTo(ProgramStatus.BUDGET_APPROVAL);
        assertThat(unchanged.getCommittedAmount()).isEqualByComparingTo("0");
        assertThat(decisions.of(program.getId())).extracting(d -> d.getTaskKey()).containsExactly("reviewProposal");
        assertThat(lifecycle.task(program, "approveBudget").getAssignee()).isNull();

        // once the ledger is back the same decision goes through
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Setuju");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);
    }

    private static boolean failed(Future<Object> result) {
        try {
            result.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts every call at the same moment, each on its own thread. */
    private static List<Future<Object>> runAtOnce(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (Callable<Object> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Object> result : results) {
                try {
                    result.get();
                } catch (ExecutionException ignored) {
                    // inspected by the caller
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
