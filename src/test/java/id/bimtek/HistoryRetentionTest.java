package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup removes a finished programme's engine history ten years after its process ended, and
 * nothing younger; the audit trail, the legal record, stays whole.
 */
@LifecycleTest
class HistoryRetentionTest {

    @Autowired Lifecycle lifecycle;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired AuditTrail audit;

    @AfterEach
    void resetClock() {
        lifecycle.resetClock();
    }

    @Test
    void aFinishedProgrammesEngineHistoryGoesAfterTenYearsItsAuditTrailStays() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REJECT", "Tidak sesuai rencana kerja");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REJECTED);
        String instance = program.getProcessInstanceId();
        int records = audit.of(program.getId()).size();

        cleanUpAfter(Duration.ofDays(3649));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .as("younger than ten years: kept").isOne();

        cleanUpAfter(Duration.ofDays(3651));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(audit.of(program.getId())).hasSize(records);
        assertThat(audit.verify(program.getId()).valid()).isTrue();
    }

    /** Runs the engine's history cleanup job as if it were that much later. */
    private void cleanUpAfter(Duration later) {
        lifecycle.resetClock();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + later.toMillis()));
        Job cleanup = history.cleanUpHistoryAsync(true);
        for (int round = 0; round < 20; round++) {
            Job due = management.createJobQuery().jobId(cleanup.getId()).singleResult();
            if (due == null || due.getDuedate() != null && due.getDuedate().after(ClockUtil.getCurrentTime())) {
                break;
            }
            management.executeJob(cleanup.getId());
        }
    }
}
