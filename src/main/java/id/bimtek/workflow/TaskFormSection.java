package id.bimtek.workflow;

import java.util.Map;

/**
 * What a stage adds to a task's form: read-only values for whoever works on the task, written with the
 * rest of {@link TaskFormData}. Stages implement it, so the gate needs to know nothing of their tables.
 */
public interface TaskFormSection {

    /** The values to show on the task {@code taskKey} of programme {@code programId}; empty when it adds none. */
    Map<String, Object> shownOn(String taskKey, long programId);
}
