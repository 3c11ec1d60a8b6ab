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
 * deploys), read once per form; of them, the disabled ones only show what {@link TaskFormData} works out. A task
 * without such a form (its page is the project's own) has none.
 */
@Component
class DeployedForms {

    private final ObjectMapper json;
    private record Fields(Set<String> all, Set<String> shownOnly) {
    }

    private final Map<String, Fields> byForm = new ConcurrentHashMap<>();

    DeployedForms(ObjectMapper json) {
        this.json = json;
    }

    /** Every field of the form. */
    Set<String> fieldsOf(String formRef) {
        return formRef == null ? Set.of() : fields(formRef).all();
    }

    /** The fields that only show a value (disabled in the form). */
    Set<String> shownFieldsOf(String formRef) {
        return formRef == null ? Set.of() : fields(formRef).shownOnly();
    }

    private Fields fields(String formRef) {
        return byForm.computeIfAbsent(formRef, key -> {
            Set<String> all = new HashSet<>();
            Set<String> shownOnly = new HashSet<>();
            try (InputStream form = getClass().getResourceAsStream("/bpmn/" + key + ".form")) {
                if (form != null) {
                    collectKeys(json.readTree(form), all, shownOnly);
                }
            } catch (IOException e) {
                throw new IllegalStateException("the form " + key + " cannot be read", e);
            }
            return new Fields(Set.copyOf(all), Set.copyOf(shownOnly));
        });
    }

    private static void collectKeys(JsonNode node, Set<String> all, Set<String> shownOnly) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                all.add(component.get("key").asText());
                if (component.path("disabled").asBoolean(false)) {
                    shownOnly.add(component.get("key").asText());
                }
            }
            collectKeys(component, all, shownOnly);
        }
    }
}
