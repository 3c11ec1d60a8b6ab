package id.bimtek.workflow;

import java.util.Map;
import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.shared.ActingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the engine reports of a programme's process goes to its audit trail too: every activity with its
 * start and end (service steps, gateways, timers, events; user tasks are recorded with their people by
 * {@link TaskAudit}), failed job attempts with the retries left, and incidents. The Spring Boot starter
 * publishes the engine's history events as Spring events, in the engine's transaction; their classes are
 * the engine's (impl package), kept to this class.
 */
@Component
class EngineEventAudit {

    /** The engine's kinds of activity as the audit trail's sentences name them; another kind keeps its code. */
    private static final Map<String, String> ACTIVITY_TYPES = Map.ofEntries(
            Map.entry("startEvent", "awal proses"), Map.entry("startTimerEvent", "awal proses terjadwal"),
            Map.entry("messageStartEvent", "awal proses oleh pesan"),
            Map.entry("errorStartEvent", "awal penanganan galat"),
            Map.entry("noneEndEvent", "akhir proses"), Map.entry("errorEndEvent", "akhir dengan galat"),
            Map.entry("terminateEndEvent", "penghentian proses"), Map.entry("serviceTask", "langkah otomatis"),
            Map.entry("businessRuleTask", "tabel keputusan"), Map.entry("exclusiveGateway", "percabangan"),
            Map.entry("parallelGateway", "percabangan paralel"),
            Map.entry("eventBasedGateway", "percabangan menunggu peristiwa"),
            Map.entry("intermediateTimer", "penantian waktu"), Map.entry("intermediateMessageCatch", "penantian pesan"),
            Map.entry("boundaryTimer", "batas waktu"), Map.entry("boundaryError", "penangkap galat"),
            Map.entry("boundaryMessage", "penerima pesan"), Map.entry("subProcess", "subproses"),
            Map.entry("callActivity", "pemanggilan proses"));

    /** The engine's variable events: a variable set for the first time, changed, removed, or migrated. */
    private static final Map<String, String> VARIABLE_EVENTS = Map.of(
            "create", "dibuat", "update", "diubah", "delete", "dihapus", "migrate", "dipindahkan");

    /** The engine's kinds of incident this process can have; another kind keeps its code. */
    private static final Map<String, String> INCIDENT_TYPES = Map.of(
            "failedJob", "langkah otomatis gagal", "failedExternalTask", "tugas eksternal gagal");

    /** Process instance to programme, learnt from the start event (the programme row does not know it yet). */
    private final Map<String, Long> programOfInstance = new java.util.concurrent.ConcurrentHashMap<>();

    private final ObjectProvider<ProgramRepository> programs;
    private final ObjectProvider<AuditTrail> audit;

    private final ObjectProvider<IdentityService> identity;

    EngineEventAudit(ObjectProvider<ProgramRepository> programs, ObjectProvider<AuditTrail> audit, ObjectProvider<IdentityService> identity) {
        this.identity = identity;
        this.programs = programs;
        this.audit = audit;
    }

    @EventListener
    public void onHistoryEvent(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity start && start.getBusinessKey() != null
                && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType())) {
            programs.getObject().findIdByCode(start.getBusinessKey())
                    .ifPresent(programId -> programOfInstance.put(start.getProcessInstanceId(), programId));
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity
                && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
            programOfInstance.remove(event.getProcessInstanceId());
            return;
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity && !"userTask".equals(activity.getActivityType())
                && !activity.getActivityType().startsWith("multiInstanceBody")) {
            boolean started = HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(event.getEventType());
            boolean ended = HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType());
            if (started || ended) {
                record(event.getProcessInstanceId(), started ? "ACTIVITY_STARTED" : "ACTIVITY_ENDED",
                        activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId(),
                        inWords(ACTIVITY_TYPES, activity.getActivityType()) + (started ? " dimulai" : " selesai"),
                        Map.of("activityId", activity.getActivityId(), "activityType", activity.getActivityType(),
                                "activityInstanceId", String.valueOf(activity.getActivityInstanceId())));
            }
            return;
        }
        if (event instanceof org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity change
                && changedThroughTheEngineApi()) {
            // someone wrote a variable directly (an administrator on /engine-rest or in Cockpit, or code through
            // the engine's services), not a delegate's routing value within a step of the process
            String value = change.getTextValue() != null ? change.getTextValue()
                    : change.getLongValue() != null ? String.valueOf(change.getLongValue())
                    : change.getDoubleValue() != null ? String.valueOf(change.getDoubleValue()) : null;
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("variable", change.getVariableName());
            detail.put("change", change.getEventType());
            detail.put("value", String.valueOf(value));
            detail.put("taskId", String.valueOf(change.getTaskId()));
            String newValue = "delete".equals(change.getEventType()) ? "" : ", nilainya " + value;
            record(change.getProcessInstanceId(), "VARIABLE_CHANGED", change.getVariableName(), "variabel "
                    + change.getVariableName() + " " + inWords(VARIABLE_EVENTS, change.getEventType()) + newValue,
                    detail);
            return;
        }
        if (event instanceof HistoricJobLogEvent job && job.getState() == JobState.FAILED.getStateCode()) {
            // the log carries the retries the attempt started with
            int left = Math.max(0, job.getJobRetries() - 1);
            record(event.getProcessInstanceId(), "JOB_FAILED", job.getActivityId(),
                    "percobaan gagal, sisa " + left + " percobaan ulang: " + job.getJobExceptionMessage(),
                    Map.of("jobId", String.valueOf(job.getJobId()), "retriesLeft", left,
                            "activity", String.valueOf(job.getActivityId())));
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            String kind = HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(event.getEventType()) ? "INCIDENT_CREATED"
                    : HistoryEventTypes.INCIDENT_RESOLVE.getEventName().equals(event.getEventType()) ? "INCIDENT_RESOLVED"
                    : null;
            if (kind != null) {
                // the engine's own message follows as the engine (or the failing code) wrote it
                record(event.getProcessInstanceId(), kind, incident.getActivityId(),
                        inWords(INCIDENT_TYPES, incident.getIncidentType()) + ": " + incident.getIncidentMessage(),
                        Map.of("incidentId", incident.getId(), "type", String.valueOf(incident.getIncidentType()),
                                "activity", String.valueOf(incident.getActivityId())));
            }
        }
    }

    /** A code of the engine in words where it has some; as it is otherwise (the maps refuse a null key). */
    private static String inWords(Map<String, String> words, String code) {
        return code == null ? "" : words.getOrDefault(code, code);
    }

    /** Whether the command running is one of the engine API's variable writes (set, remove, modify). */
    private static boolean changedThroughTheEngineApi() {
        var invocation = org.camunda.bpm.engine.impl.context.Context.getCommandInvocationContext();
        Object command = invocation == null ? null : invocation.getCommand();
        return command instanceof org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd
                || command instanceof org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
    }

    private void record(String processInstanceId, String kind, String activity, String detail, Map<String, Object> value) {
        if (processInstanceId == null) {
            return;
        }
        Long programId = programOfInstance.computeIfAbsent(processInstanceId,
                id -> programs.getObject().findIdByProcessInstanceId(id).orElse(null));
        if (programId != null) {
            audit.getObject().append(programId, AuditTrail.Stage.PROCESS.entry(kind, ActingUser.of(identity.getObject()))
                    .on(activity)
                    .saying(detail)
                    .changing(null, value));
        }
    }
}
