package id.bimtek.workflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.ProblemHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A task form sent as JSON becomes the task's typed command (a record of {@link TaskCompletion#commandType()}),
 * checked with Bean Validation: an unknown field, a value of the wrong type or a broken constraint is refused
 * naming the field ({@code realisedItems[0].amount}) before anything happens.
 */
@Component
class TaskCommands {

    private final ObjectMapper json;
    private final Validator validator;

    TaskCommands(ObjectMapper json, Validator validator) {
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.validator = validator;
    }

    <C> C read(Map<String, Object> form, Class<C> type) {
        C command;
        try {
            command = json.convertValue(form, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = ProblemHandler.fieldOf(mapping);
                throw ProblemException.invalid(field, mapping instanceof UnrecognizedPropertyException
                        ? "unknown field '" + field + "'; this task takes " + fieldsOf(type)
                        : field + " has a value of the wrong type or format");
            }
            throw ProblemException.invalid(null, "the form is not one this task takes: " + fieldsOf(type));
        }
        ConstraintViolation<C> first = validator.validate(command).stream()
                .min(Comparator.comparing((ConstraintViolation<C> violation) -> violation.getPropertyPath().toString()))
                .orElse(null);
        if (first != null) {
            throw ProblemException.invalid(first.getPropertyPath().toString(), first.getMessage());
        }
        return command;
    }

    private static String fieldsOf(Class<?> type) {
        return type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
                .collect(Collectors.joining(", ", "[", "]")) : "[]";
    }
}
