package id.bimtek.workflow;

import static id.bimtek.proposal.ProcessVariables.BATCH_ID;

import id.bimtek.delivery.BatchClosing;
import id.bimtek.followup.FollowUpService;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.CurrentUser;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
    /** What staff send with a batch's attendance: why sessions are left unrecorded, if any are. */
    record UnrecordedSessions(@Size(max = 1000, message = "unrecordedSessionsReason must be at most 1000 characters")
                              String unrecordedSessionsReason) implements Reason {
        @Override
        public String text() {
            return unrecordedSessionsReason;
        }
    }

    /** What staff send with a monitoring round: why graduates are left without an outcome, if any are. */
    record MissingOutcomes(@Size(max = 1000, message = "missingOutcomesReason must be at most 1000 characters")
                           String missingOutcomesReason) implements Reason {
        @Override
        public String text() {
            return missingOutcomesReason;
        }
    }

    /** A task's one field. */
    interface Reason {
        String text();
    }

    @Bean("recordAttendanceTask")
    ReasonedTask<UnrecordedSessions> recordAttendanceTask(BatchClosing batches, ProcessPrograms processPrograms) {
        return new ReasonedTask<>("recordAttendance", UnrecordedSessions.class, BatchClosing.UNRECORDED_SESSIONS_REASON, (task, reason, user) -> {
            long programId = processPrograms.idOf(task);
            // a task created before batches noted their task (V19) still names its batch by the engine's variable
            long batch = batches.batchOfTask(programId, task.getId()).orElseGet(() -> (Long) task.getVariable(BATCH_ID));
            batches.close(programId, batch, reason, user);
        }, task -> batches.attachTask(processPrograms.idOf(task), (Long) task.getVariable(BATCH_ID), task.getId()));
    }

    @Bean("recordOutcomesTask")
    ReasonedTask<MissingOutcomes> recordOutcomesTask(FollowUpService followUp, ProcessPrograms processPrograms) {
        return new ReasonedTask<>("recordOutcomes", MissingOutcomes.class, FollowUpService.MISSING_OUTCOMES_REASON, (task, reason, user) ->
                followUp.recordRound(processPrograms.idOf(task), reason, user), task -> { });
    }

    /** What completing the task does in its stage. */
    interface Finish {
        void finish(DelegateTask task, String reason, String user);
    }

    /** The completion (its one form field) and the listener on {@code create} and {@code complete} of one such task. */
    static final class ReasonedTask<C extends Reason> implements TaskCompletion<C>, TaskListener {

        private final String key;
        private final Class<C> commandType;
        private final String reasonField;
        private final Finish finish;
        private final java.util.function.Consumer<DelegateTask> created;

        ReasonedTask(String key, Class<C> commandType, String reasonField, Finish finish,
                     java.util.function.Consumer<DelegateTask> created) {
            this.key = key;
            this.commandType = commandType;
            this.reasonField = reasonField;
            this.finish = finish;
            this.created = created;
        }

        @Override
        public Set<String> taskKeys() {
            return Set.of(key);
        }

        @Override
        public Class<C> commandType() {
            return commandType;
        }

        @Override
        public Map<String, Object> complete(OpenTask task, C command, CurrentUser user) {
            String reason = FormFields.trimmed(command.text());
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
