package id.bimtek.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The keys of the fields a Camunda Form shows and takes ({@code bpmn/<formRef>.form}, the files the engine
 * deploys), read once per form. A task without such a form (its page is the project's own) has none.
 */
@Component
class DeployedForms {

    private final ObjectMapper json;
    private final Map<String, Set<String>> byForm = new ConcurrentHashMap<>();

    DeployedForms(ObjectMapper json) {
        this.json = json;
    }

    Set<String> fieldsOf(String formRef) {
        if (formRef == null) {
            return Set.of();
        }
        return byForm.computeIfAbsent(formRef, key -> {
            Set<String> keys = new HashSet<>();
            try (InputStream form = getClass().getResourceAsStream("/bpmn/" + key + ".form")) {
                if (form != null) {
                    collectKeys(json.readTree(form), keys);
                }
            } catch (IOException e) {
                throw new IllegalStateException("the form " + key + " cannot be read", e);
            }
            return Set.copyOf(keys);
        });
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component, keys);
        }
    }
}
