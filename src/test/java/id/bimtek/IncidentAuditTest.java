package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A timer whose work fails is retried and then becomes an incident: both in the programme's audit trail. */
@LifecycleTest
class IncidentAuditTest {

    @Autowired Lifecycle lifecycle;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        lifecycle.resetClock();
    }

    @Test
    void failedAttemptsAndTheIncidentAreRecordedAndTheRetrySucceedsOnceTheCauseIsGone() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 0, 10_000_000));
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(8).toMillis()));
        Job deadline = management.createJobQuery().processInstanceId(program.getProcessInstanceId()).timers()
                .activityId("registrationDeadline").singleResult();
        // closing registration cannot write its audit record: the step fails
        jdbc.execute("""
                create or replace function fail_closing() returns trigger language plpgsql as
                $$ begin raise exception 'audit store unavailable'; end $$""");
        jdbc.execute("""
                create trigger fail_closing before insert on audit_record for each row
                when (new.kind = 'STATUS_CHANGED' and new.detail like '%-> REGISTRATION_CLOSED')
                execute function fail_closing()""");
        try {
            // the retry cycle (R5/PT1M): attempts until no retry is left
            for (int attempt = 0; attempt < 10 && management.createJobQuery().jobId(deadline.getId()).singleResult()
                    .getRetries() > 0; attempt++) {
                assertThatThrownBy(() -> management.executeJob(deadline.getId())).hasStackTraceContaining("audit store unavailable");
            }
        } finally {
            jdbc.execute("drop trigger fail_closing on audit_record");
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(program.getProcessInstanceId()).count()).isEqualTo(1);
        assertThat(audit.of(program.getId())).extracting(AuditTrail.Record::kind)
                .containsSubsequence("JOB_FAILED", "JOB_FAILED", "JOB_FAILED", "INCIDENT_CREATED");
        assertThat(audit.of(program.getId())).filteredOn(r -> r.kind().equals("JOB_FAILED")).last()
                .satisfies(r -> assertThat(r.detail()).contains("sisa 0 percobaan ulang"));

        // an operator retries it (Cockpit's "retry"), now it goes through
        management.setJobRetries(deadline.getId(), 1);
        management.executeJob(deadline.getId());
        assertThat(audit.of(program.getId())).extracting(AuditTrail.Record::kind).contains("INCIDENT_RESOLVED");
        assertThat(lifecycle.task(program, "confirmParticipants")).isNotNull();
        assertThat(audit.verify(program.getId()).valid()).isTrue();
        // the engine's job log keeps the failures, not the jobs that went as planned (nobody reads those)
        long failures = audit.of(program.getId()).stream().filter(r -> r.kind().equals("JOB_FAILED")).count();
        assertThat(history.createHistoricJobLogQuery().jobId(deadline.getId()).failureLog().count()).isEqualTo(failures);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(program.getProcessInstanceId()).count())
                .isEqualTo(failures);
        lifecycle.assertStatusesMatchProcesses();
    }
}
