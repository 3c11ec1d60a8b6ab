package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What was cut from the engine's work stays correct: the task form's values are shown, worked out when the
 * form is read, and only a form that shows them gets them; the two a task carries for Tasklist's list leave no
 * history; a decision's form values leave
 * nothing behind but its routing value; the process's own variables keep their history; task queries are planned for their values while they run, and the rest of their transaction keeps
 * its cached plans; the audit chain stays whole when one transaction appends many records. (How much it saves
 * is printed by LifecycleBenchmark and TaskListBenchmark.)
 */
@LifecycleTest
class EngineCostTest {

    @Autowired Lifecycle lifecycle;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired AuditTrail audit;
    @Autowired ProcessEngine processEngine;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void theValuesATaskShowsAreWorkedOutWhenItsFormIsReadAndLeaveNoHistory() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Task review = lifecycle.task(program, "reviewProposal");
        assertThat(tasks.getVariablesLocal(review.getId())).containsOnlyKeys("programCode", "programTitle");
        assertThat(forms.getTaskFormVariables(review.getId())).containsEntry("programCode", program.getCode());
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(review.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(program.getProcessInstanceId())
                .variableName("proposalValid").count()).isEqualTo(1);

        // they are the values of the moment the form is opened: the budget line's remainder as it is now
        assertThat((String) forms.getTaskFormVariables(review.getId()).get("budgetLine")).contains("sisa Rp 500.000.000");

        // a value written on the task through the engine's API is in the audit trail; the decision leaves its
        // routing value and nothing of the form behind
        tasks.setVariableLocal(review.getId(), "programTitle", "diubah lewat API");
        assertThat(lifecycle.auditKinds(program)).contains("VARIABLE_CHANGED");
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", "Lengkap");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(program.getProcessInstanceId())
                .variableNameIn("decision", "comment", "newDeadline").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(program.getProcessInstanceId())
                .variableName("reviewDecision").singleResult().getValue()).isEqualTo("APPROVE");
    }

    @Test
    void aTaskShowsWhatItsFormShowsAndATaskOnTheProjectsOwnPageNothing() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Task review = lifecycle.task(program, "reviewProposal");
        assertThat(forms.getTaskFormData(review.getId()).getFormFields().stream().map(FormField::getId).toList())
                .contains("programCode", "programBatches", "programBudget", "budgetLine", "earlierDecisions")
                .isSubsetOf("programCode", "programTitle", "programAgency", "programBatches", "programBudget", "budgetLine",
                        "programDeadline", "earlierDecisions", "changesSinceSentBack");

        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REVISE", "Perjelas jadwal");
        Task revise = lifecycle.task(program, "reviseProposal");
        assertThat(tasks.createTaskQuery().taskId(revise.getId()).initializeFormKeys().singleResult().getFormKey())
                .isEqualTo("/kerja/tugas");
        assertThat(forms.getTaskFormData(revise.getId()).getFormFields()).isEmpty();
        assertThat(tasks.getVariablesLocal(revise.getId())).isEmpty();
    }

    @Test
    void taskQueriesArePlannedForTheirValuesWhileTheyRunOnly() {
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'act_idx_auth_task_reads'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select statistics_name from pg_stats_ext_exprs"
                + " where statistics_name like 'act_ru_authorization_perms_%' order by 1", String.class))
                .containsExactly("act_ru_authorization_perms_2", "act_ru_authorization_perms_64");
        List<String> whileQuerying = new ArrayList<>();
        CommandExecutor engine = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        List<String> afterwards = transaction.execute(status -> {
            new TaskQueryImpl(engine) {
                @Override
                public long executeCount(CommandContext context) {
                    whileQuerying.add(settings());
                    return super.executeCount(context);
                }
            }.taskCandidateGroup("division-head").count();
            String afterTheQuery = settings();
            tasks.createTaskQuery().taskId("no such task").count();
            return List.of(afterTheQuery, settings());
        });
        assertThat(whileQuerying).containsExactly("force_custom_plan off");
        assertThat(afterwards).as("the rest of the transaction keeps its cached plans").containsExactly("auto off", "auto off");
        assertThat(settings()).isEqualTo("auto off");
    }

    private String settings() {
        return jdbc.queryForObject("show plan_cache_mode", String.class) + " " + jdbc.queryForObject("show jit", String.class);
    }

    @Test
    void manyRecordsAppendedInOneTransactionKeepTheChainWhole() {
        Program first = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Program second = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        int firstBefore = audit.of(first.getId()).size();
        int secondBefore = audit.of(second.getId()).size();
        TransactionTemplate ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= 3; i++) {
                note(first, "catatan " + i);
            }
            // a transaction of its own in between holds its own heads and knows nothing of the outer one's
            ownTransaction.executeWithoutResult(inner -> note(second, "catatan dari transaksi lain"));
            note(second, "catatan sesudahnya");
            note(first, "catatan 4");
        });
        assertThat(audit.of(first.getId())).hasSize(firstBefore + 4).extracting(AuditTrail.Record::seq).doesNotHaveDuplicates();
        assertThat(audit.of(second.getId())).hasSize(secondBefore + 2).extracting(AuditTrail.Record::seq).doesNotHaveDuplicates();
        assertThat(audit.verify(first.getId()).valid()).isTrue();
        assertThat(audit.verify(second.getId()).valid()).isTrue();
    }

    private void note(Program program, String text) {
        audit.append(program.getId(), AuditTrail.Stage.PROPOSAL.entry("NOTE", "staff").on(text));
    }
}
