package id.bimtek.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The latest deployed version of a decision table in {@code bpmn/}, evaluated in-process. Going through
 * the engine's DecisionService would write a decision history per applicant and parse the table's FEEL
 * entries on every call: under a registration rush that was most of the application's CPU. What a table
 * decided for an applicant is kept in the audit trail instead.
 * <p>
 * A newly deployed version applies within {@link #RECHECK} (by the engine's clock). A table is a pure
 * function of its inputs, so results for recurring inputs (a handful of distinct combinations) are
 * remembered per table version. Why in-process and beside the engine: ADR 11.
 */
public final class DeployedDecision {

    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 1_000;
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** One deployed version of the table, with the results it gave for recurring inputs. */
    private record Version(String definitionId, DmnDecision decision, long checkedAt,
                           Map<Map<String, Object>, Map<String, Object>> remembered) {
    }

    private final RepositoryService repository;
    private final String key;
    private volatile Version current;

    private DeployedDecision(RepositoryService repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /** The table of {@code bpmn/} with this key, in the version deployed last. */
    @org.springframework.stereotype.Component
    public static class Tables {

        private final RepositoryService repository;

        Tables(RepositoryService repository) {
            this.repository = repository;
        }

        public DeployedDecision named(String key) {
            return new DeployedDecision(repository, key);
        }
    }

    /**
     * The single result of the table (FIRST, UNIQUE or an aggregating COLLECT hit policy); empty when no rule
     * matched. Inputs may be null: a table's empty entry matches them.
     */
    public Map<String, Object> evaluate(Map<String, Object> inputs, boolean recurring) {
        Version version = version();
        Map<String, Object> known = recurring ? version.remembered().get(inputs) : null;
        if (known != null) {
            return known;
        }
        DmnDecisionRuleResult single = DMN.evaluateDecisionTable(version.decision(), inputs).getSingleResult();
        // a blank input (an applicant who left the business size empty) is a null, which Map.copyOf refuses
        Map<String, Object> result = single == null ? Map.of() : frozen(single.getEntryMap());
        if (recurring && version.remembered().size() < MAX_REMEMBERED) {
            version.remembered().put(frozen(inputs), result);
        }
        return result;
    }

    /** An unmodifiable copy that, unlike {@link Map#copyOf}, keeps null values. */
    private static Map<String, Object> frozen(Map<String, Object> values) {
        return Collections.unmodifiableMap(new HashMap<>(values));
    }

    private Version version() {
        Version known = current;
        long now = ClockUtil.getCurrentTime().getTime();
        if (known != null && now - known.checkedAt() < RECHECK.toMillis() && now >= known.checkedAt()) {
            return known;
        }
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("the decision table " + key + " is not deployed");
        }
        Version fresh;
        if (known != null && known.definitionId().equals(latest.getId())) {
            fresh = new Version(known.definitionId(), known.decision(), now, known.remembered());
        } else {
            try (InputStream model = repository.getDecisionModel(latest.getId())) {
                fresh = new Version(latest.getId(), DMN.parseDecision(key, model), now, new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        current = fresh;
        return fresh;
    }
}
