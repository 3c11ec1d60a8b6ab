package id.bimtek.workflow;

import id.bimtek.shared.Wib;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A decision taken on a programme: by a person in a task, or by the system (validation, budget check). */
@Entity
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long programId;
    private String taskKey;
    private String taskName;
    private String taskId;
    private String decision;
    private String comment;
    private String actor;
    /** the head a deputy decided for */
    private String onBehalfOf;
    private Instant decidedAt;

    protected Decision() {
    }

    Decision(Long programId, String taskKey, String taskName, String taskId, String decision, String comment, String actor,
             String onBehalfOf) {
        this.onBehalfOf = onBehalfOf;
        this.programId = programId;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.taskId = taskId;
        this.decision = decision;
        this.comment = comment;
        this.actor = actor;
        this.decidedAt = Wib.now();
    }

    public Long getId() {
        return id;
    }

    public Long getProgramId() {
        return programId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getDecision() {
        return decision;
    }

    public String getComment() {
        return comment;
    }

    public String getActor() {
        return actor;
    }

    public String getOnBehalfOf() {
        return onBehalfOf;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
