package id.bimtek.audit;

import java.util.Map;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Failed job attempts (with the retries left) and incidents go to the programme's audit trail, next to
 * the engine's own history. The Spring Boot starter publishes the engine's history events as Spring
 * events, in the engine's transaction; their classes are the engine's (impl package), kept to this class.
 */
@Component
public class IncidentAudit {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<AuditTrail> audit;

    public IncidentAudit(JdbcTemplate jdbc, ObjectProvider<AuditTrail> audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    public void onHistoryEvent(HistoryEvent event) {
        if (event instanceof HistoricJobLogEvent job && job.getState() == JobState.FAILED.getStateCode()) {
            // the log carries the retries the attempt started with
            int left = Math.max(0, job.getJobRetries() - 1);
            record(event.getProcessInstanceId(), "JOB_FAILED", job.getActivityId(),
                    "attempt failed, " + left + " retries left: " + job.getJobExceptionMessage(),
                    Map.of("jobId", String.valueOf(job.getJobId()), "retriesLeft", left,
                            "activity", String.valueOf(job.getActivityId())));
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            String kind = HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(event.getEventType()) ? "INCIDENT_CREATED"
                    : HistoryEventTypes.INCIDENT_RESOLVE.getEventName().equals(event.getEventType()) ? "INCIDENT_RESOLVED"
                    : null;
            if (kind != null) {
                record(event.getProcessInstanceId(), kind, incident.getActivityId(),
                        incident.getIncidentType() + ": " + incident.getIncidentMessage(),
                        Map.of("incidentId", incident.getId(), "type", String.valueOf(incident.getIncidentType()),
                                "activity", String.valueOf(incident.getActivityId())));
            }
        }
    }

    private void record(String processInstanceId, String kind, String activity, String detail, Map<String, Object> value) {
        if (processInstanceId == null) {
            return;
        }
        jdbc.queryForList("select id from program where process_instance_id = ?", Long.class, processInstanceId)
                .stream().findFirst().ifPresent(programId -> audit.getObject().append(programId, AuditTrail.Stage.PROCESS,
                        kind, "system", null, activity, detail, null, value));
    }
}
