package id.bimtek.registration;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/** The applicants' requests are found among the registrations' handlers, before the rest of the API is searched. */
@LifecycleTest
class RegistrationMappingTest {

    @Autowired ApplicationContext context;
    @Autowired HandlerMappingIntrospector introspector;

    @Test
    void aRegistrationIsFoundFirstAmongTheRegistrationsOwnHandlers() throws Exception {
        HandlerMapping registrations = context.getBean("registrationHandlerMapping", HandlerMapping.class);
        // as Spring Security's request matchers and the DispatcherServlet see them
        List<HandlerMapping> inOrder = introspector.getHandlerMappings();
        assertThat(inOrder.indexOf(registrations)).isGreaterThanOrEqualTo(0)
                .isLessThan(inOrder.indexOf(context.getBean("requestMappingHandlerMapping", HandlerMapping.class)));

        assertThat(handlerOf(registrations, "POST", "/api/programs/7/registrations")).isEqualTo("register");
        assertThat(handlerOf(registrations, "POST", "/api/programs/7/registrations/withdraw")).isEqualTo("withdraw");
        assertThat(handlerOf(registrations, "GET", "/api/tasks")).as("the rest of the API is not its own").isNull();
        // the first to answer finds the same handler the general mapping has
        assertThat(inOrder.stream().map(mapping -> handlerOf(mapping, "POST", "/api/programs/7/registrations"))
                .filter(java.util.Objects::nonNull).findFirst()).contains("register");
    }

    private static String handlerOf(HandlerMapping mapping, String method, String path) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(new MockHttpServletRequest(method, path));
            return chain != null && chain.getHandler() instanceof HandlerMethod handler ? handler.getMethod().getName() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
