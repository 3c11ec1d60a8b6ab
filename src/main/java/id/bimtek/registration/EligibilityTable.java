package id.bimtek.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of {@code bpmn/registration-eligibility.dmn}, evaluated in-process.
 * Going through the engine's DecisionService would write a decision history per applicant and parse
 * the table's FEEL entries on every call: under a registration rush that was most of the application's
 * CPU. The applicant's refusal and its rule are kept in the audit trail instead.
 * <p>
 * A newly deployed version applies within {@link #RECHECK} (by the engine's clock). The table is a pure
 * function of its inputs, so verdicts for applicants who never completed a programme (nearly all of them,
 * and a handful of distinct inputs) are remembered per table version.
 */
@Component
class EligibilityTable {

    static final String KEY = "registration-eligibility";
    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 1_000;

    /** One deployed version of the table, with the verdicts it gave for recurring inputs. */
    private record Version(String definitionId, DmnDecision decision, long checkedAt,
                           Map<List<Object>, Eligibility.Verdict> remembered) {
    }

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private volatile Version current;

    EligibilityTable(RepositoryService repository) {
        this.repository = repository;
    }

    Eligibility.Verdict decide(String programKind, boolean domicileInRegion, boolean sectorInTracks,
                               double yearsSinceCompletion) {
        Version version = version();
        boolean recurring = yearsSinceCompletion < 0;
        List<Object> inputs = List.of(programKind, domicileInRegion, sectorInTracks, yearsSinceCompletion);
        Eligibility.Verdict known = recurring ? version.remembered().get(inputs) : null;
        if (known != null) {
            return known;
        }
        DmnDecisionRuleResult result = dmn.evaluateDecisionTable(version.decision(), Map.of(
                "programKind", programKind, "domicileInRegion", domicileInRegion, "sectorInTracks", sectorInTracks,
                "yearsSinceCompletion", yearsSinceCompletion)).getSingleResult();
        Eligibility.Verdict verdict = new Eligibility.Verdict(Boolean.TRUE.equals(result.get("eligible")),
                (String) result.get("rule"), (String) result.get("reason"));
        if (recurring && version.remembered().size() < MAX_REMEMBERED) {
            version.remembered().put(inputs, verdict);
        }
        return verdict;
    }

    private Version version() {
        Version known = current;
        long now = ClockUtil.getCurrentTime().getTime();
        if (known != null && now - known.checkedAt() < RECHECK.toMillis() && now >= known.checkedAt()) {
            return known;
        }
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("the decision table " + KEY + " is not deployed");
        }
        Version fresh;
        if (known != null && known.definitionId().equals(latest.getId())) {
            fresh = new Version(known.definitionId(), known.decision(), now, known.remembered());
        } else {
            try (InputStream model = repository.getDecisionModel(latest.getId())) {
                fresh = new Version(latest.getId(), dmn.parseDecision(KEY, model), now, new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        current = fresh;
        return fresh;
    }
}
