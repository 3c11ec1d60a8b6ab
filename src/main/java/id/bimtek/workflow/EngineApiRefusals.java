package id.bimtek.workflow;

import id.bimtek.shared.ProblemException;
import id.bimtek.shared.ProblemHandler;
import id.bimtek.shared.StaffPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A refusal of the domain's rules met inside an engine command that the engine's own API runs (Tasklist's
 * claim and form submission, {@code /engine-rest}) is answered as the refusal it is: its status (400, 403, 404,
 * 409) and its reason in Bahasa Indonesia. Without this the API wraps it as "ENGINE-03051 There was an exception
 * while invoking the TaskListener" and answers 500, as if the server had failed where a head only forgot the
 * reason of a rejection, and logs it as an error with its stack trace. The transaction has rolled back by then:
 * nothing of the attempt is kept. The project's own callers still get the {@link ProblemException} itself.
 */
@Component
class EngineApiRefusals extends AbstractProcessEnginePlugin {

    /**
     * The refusal an engine API request met, as a request attribute: the webapps' firewall answers it in the
     * project's problem form, without the API's own "Cannot submit task form {id}:" before it.
     */
    static final String REFUSAL = EngineApiRefusals.class.getName() + ".refusal";

    /** What the request was refused for: its status, the field, the reason in Bahasa Indonesia. */
    record Refusal(int status, String field, String reason) {
    }

    /** The engine's API: its REST application and the one the webapps (Tasklist, Cockpit) call. */
    private static final List<String> ENGINE_API = List.of("/engine-rest/", "/camunda/api/engine/");

    private final ObjectProvider<StaffPage> words;

    EngineApiRefusals(ObjectProvider<StaffPage> words) {
        this.words = words; // the engine is built before the beans that read its identity service
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> outside = new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired()
                == null ? List.of() : configuration.getCustomPreCommandInterceptorsTxRequired());
        // before the transaction's interceptor: the attempt is rolled back when the refusal is answered
        outside.add(new AnsweredAsRefusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(outside);
        List<CommandInterceptor> inside = new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired()
                == null ? List.of() : configuration.getCustomPostCommandInterceptorsTxRequired());
        // within the command's context, which logs a failure at ERROR with its stack trace and a user's mistake quietly
        inside.add(new TakenAsAUsersMistake());
        configuration.setCustomPostCommandInterceptorsTxRequired(inside);
    }

    /** An interceptor that has its say when a command fails with a refusal of the domain's rules in it. */
    private abstract static class OnRefusal extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException failure) {
                ProblemException problem = ProblemException.foundIn(failure).orElse(null);
                throw problem == null ? failure : answer(failure, problem);
            }
        }

        /** What is thrown instead of the failure: the failure itself when it is as it should be. */
        abstract RuntimeException answer(RuntimeException failure, ProblemException problem);
    }

    /**
     * A refusal is a user's mistake to the engine too (logged at DEBUG), not an error with a stack trace for the
     * operators' logs: as the engine's API meets it, and wherever the engine had wrapped it (a task listener's, as
     * "ENGINE-03051"), so that no caller could have caught it as it was. One thrown as it is elsewhere stays as it is:
     * the pages catch a delegate's refusal by its type.
     */
    private static final class TakenAsAUsersMistake extends OnRefusal {

        @Override
        RuntimeException answer(RuntimeException failure, ProblemException problem) {
            boolean keptAsItIs = failure instanceof BadUserRequestException || (problem == failure && engineApiRequest() == null);
            return keptAsItIs ? failure : new BadUserRequestException(problem.getMessage(), problem);
        }
    }

    private final class AnsweredAsRefusals extends OnRefusal {

        @Override
        RuntimeException answer(RuntimeException failure, ProblemException problem) {
            HttpServletRequest request = failure instanceof RestException ? null : engineApiRequest();
            if (request == null) {
                return failure;
            }
            int status = ProblemHandler.statusOf(problem.kind()).value();
            String reason = words.getObject().explain(problem);
            request.setAttribute(REFUSAL, new Refusal(status, problem.field(), reason));
            // the REST API answers a RestException with its status, also where it wraps it ("Cannot submit ...")
            Response.Status restStatus = Response.Status.fromStatusCode(status);
            return new RestException(restStatus == null ? Response.Status.BAD_REQUEST : restStatus, problem, reason);
        }
    }

    /** The request of the engine's API this thread is serving, if it serves one. */
    private static HttpServletRequest engineApiRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ENGINE_API.stream().anyMatch(path::startsWith) ? request : null;
    }
}
