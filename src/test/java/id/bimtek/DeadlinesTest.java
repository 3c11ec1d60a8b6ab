package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.shared.WorkingDays;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import id.bimtek.workflow.WorkflowTasks;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Overdue tasks remind, then escalate to the next level, while staying where they are. */
@LifecycleTest
class DeadlinesTest {

    @Autowired Lifecycle lifecycle;
    @Autowired TaskService tasks;
    @Autowired WorkflowTasks workflowTasks;
    @Autowired DecisionLog decisions;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        ZonedDateTime friday = ZonedDateTime.of(2025, 8, 15, 10, 0, 0, 0, ZoneId.of("Asia/Jakarta"));
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(WorkingDays.add(friday, 1).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(WorkingDays.add(friday, 3)).isEqualTo(friday.plusDays(5));
        assertThat(WorkingDays.add(friday, 5)).isEqualTo(friday.plusDays(7));
    }

    @Test
    void anOverdueReviewRemindsThenEscalatesToTheDepartmentHeadWithoutLosingTheTask() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Task review = lifecycle.task(program, "reviewProposal");
        // three working days are three to five calendar days
        assertThat(Duration.between(review.getCreateTime().toInstant(), review.getDueDate().toInstant()).toDays())
                .isBetween(3L, 5L);
        assertThat(visibleTo(DEPARTMENT_HEAD, program)).isEmpty();

        assertThat(outbox(program, "TASK_ASSIGNED")).contains("division-head");
        lifecycle.passTime(Duration.ofDays(5).plusHours(1));
        assertThat(kinds(program)).containsExactly("REMINDER");
        assertThat(outbox(program, "REMINDER")).containsExactly("division-head");
        assertThat(lifecycle.task(program, "reviewProposal").getId()).isEqualTo(review.getId());
        assertThat(visibleTo(DEPARTMENT_HEAD, program)).isEmpty();

        // five working days are always seven calendar days
        lifecycle.passTime(Duration.ofDays(2));
        assertThat(kinds(program)).containsExactly("REMINDER", "ESCALATED");
        assertThat(visibleTo(DEPARTMENT_HEAD, program)).containsExactly("reviewProposal");
        assertThat(outbox(program, "ESCALATION")).contains("department-head", "department-secretary");

        // the department head can now decide it; the process goes on as usual
        lifecycle.decide(program, "reviewProposal", DEPARTMENT_HEAD, "APPROVE", "Diambil alih karena melewati batas waktu");
        assertThat(lifecycle.task(program, "approveBudget")).isNotNull();
        // the proposing staff member hears of the decision
        assertThat(outbox(program, "DECISION")).containsExactly("staff");
    }

    /** Who the outbox holds notifications of a kind for, about the programme. */
    private List<String> outbox(Program program, String kind) {
        return jdbc.queryForList("select recipient_user from notification where program_id = ? and kind = ? order by id",
                String.class, program.getId(), kind);
    }

    private List<String> visibleTo(id.bimtek.shared.CurrentUser user, Program program) {
        return workflowTasks.openFor(user).stream().filter(task -> program.getId().equals(task.programId()))
                .map(WorkflowTasks.TaskView::key).toList();
    }

    private List<String> kinds(Program program) {
        return decisions.of(program.getId()).stream().map(Decision::getDecision).toList();
    }
}
