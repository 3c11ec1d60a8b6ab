package id.bimtek.workflow;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI description of {@code POST /api/tasks/{id}/complete}: one of the tasks' commands, each with its
 * constraints, and which tasks take which. Generated from the {@link TaskCompletion}s, so a new task's command is
 * described as soon as it exists.
 */
@Component
class TaskCommandSchemas implements OpenApiCustomizer {

    private static final String COMPLETE = "/api/tasks/{id}/complete";

    private final List<TaskCompletion<?>> completions;

    TaskCommandSchemas(List<TaskCompletion<?>> completions) {
        this.completions = completions;
    }

    @Override
    public void customise(OpenAPI api) {
        PathItem path = api.getPaths() == null ? null : api.getPaths().get(COMPLETE);
        if (path == null || path.getPost() == null) {
            return;
        }
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Map<String, String> tasksByCommand = new TreeMap<>();
        ComposedSchema oneOf = new ComposedSchema();
        for (TaskCompletion<?> completion : completions) {
            Class<?> command = completion.commandType();
            ModelConverters.getInstance().readAll(command).forEach(api.getComponents()::addSchemas);
            oneOf.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + command.getSimpleName()));
            tasksByCommand.merge(command.getSimpleName(), String.join(", ", new java.util.TreeSet<>(completion.taskKeys())),
                    (one, other) -> one + ", " + other);
        }
        Operation complete = path.getPost();
        complete.setRequestBody(new RequestBody().required(false)
                .description("The task's command; tasks whose form holds nothing (reviseProposal, confirmParticipants) take {}. "
                        + tasksByCommand.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType("application/json", new MediaType().schema(oneOf))));
    }
}
