package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.BATCH_ID;

import id.bimtek.delivery.BatchClosing;
import id.bimtek.followup.FollowUpService;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.CurrentUser;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasks whose completion makes a stage's records final, and which take one field: the reason for leaving some
 * unrecorded. recordAttendance closes its batch (sessions unrecorded need a reason); recordOutcomes records the
 * round that is due (graduates without an outcome need a reason). The stage decides from its own records, at
 * completion, on every surface (the staff pages, the API, Tasklist); the batch is the multi-instance element's,
 * and the round is the domain's (the first not yet recorded), never one a task holder sends.
 */
@Configuration(proxyBeanMethods = false)
class ClosingTaskReasons {

    /**
     * The batch is noted with the task when the engine creates it (from the multi-instance element, before anyone
     * holds the task), and found by the task when it completes.
     */
    @Bean("recordAttendanceTask")
    ReasonedTask recordAttendanceTask(BatchClosing batches, ProcessPrograms processPrograms) {
        return new ReasonedTask("recordAttendance", BatchClosing.UNRECORDED_SESSIONS_REASON, (task, reason, user) -> {
            long programId = processPrograms.idOf(task);
            // a task created before batches noted their task (V19) still names its batch by the engine's variable
            long batch = batches.batchOfTask(programId, task.getId()).orElseGet(() -> (Long) task.getVariable(BATCH_ID));
            batches.close(programId, batch, reason, user);
        }, task -> batches.attachTask(processPrograms.idOf(task), (Long) task.getVariable(BATCH_ID), task.getId()));
    }

    @Bean("recordOutcomesTask")
    ReasonedTask recordOutcomesTask(FollowUpService followUp, ProcessPrograms processPrograms) {
        return new ReasonedTask("recordOutcomes", FollowUpService.MISSING_OUTCOMES_REASON, (task, reason, user) ->
                followUp.recordRound(processPrograms.idOf(task), reason, user), task -> { });
    }

    /** What completing the task does in its stage. */
    interface Finish {
        void finish(DelegateTask task, String reason, String user);
    }

    /** The completion (its one form field) and the listener on {@code create} and {@code complete} of one such task. */
    static final class ReasonedTask implements TaskCompletion, TaskListener {

        private final String key;
        private final String reasonField;
        private final Finish finish;
        private final java.util.function.Consumer<DelegateTask> created;

        ReasonedTask(String key, String reasonField, Finish finish, java.util.function.Consumer<DelegateTask> created) {
            this.key = key;
            this.reasonField = reasonField;
            this.finish = finish;
            this.created = created;
        }

        @Override
        public Set<String> taskKeys() {
            return Set.of(key);
        }

        @Override
        public Map<String, Object> complete(OpenTask task, Map<String, Object> form, CurrentUser user) {
            FormFields.allowOnly(form, Set.of(reasonField));
            String reason = FormFields.text(form, reasonField, 1000);
            return reason == null ? Map.of() : Map.of(reasonField, reason);
        }

        @Override
        public void notify(DelegateTask task) {
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                created.accept(task);
                return;
            }
            String user = ActingUser.of(task.getExecution());
            if (ActingUser.SYSTEM.equals(user) && task.getAssignee() != null) {
                user = task.getAssignee();
            }
            finish.finish(task, task.getVariable(reasonField) instanceof String reason ? reason : null, user);
            // a reason is for this batch or round, not for the next one finished in the same programme
            task.getExecution().removeVariable(reasonField);
        }
    }
}
