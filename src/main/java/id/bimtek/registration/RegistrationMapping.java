package id.bimtek.registration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registrations are looked up among their own handlers before the rest of the API's. Spring MVC finds the
 * handler of a path with a variable ({@code /api/programs/{programId}/registrations}) by asking every mapping of
 * the application whether method, path, headers and content type match, and a request is looked up twice (for
 * Spring Security's request matchers, then by the DispatcherServlet): during a registration rush that was a
 * quarter of the application's CPU. The general mapping keeps these handlers too, and answers nothing first.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationMapping {

    // not a candidate for injection: whoever asks for "the" request mapping (API docs, say) gets Spring MVC's own
    @Bean(autowireCandidate = false)
    RequestMappingHandlerMapping registrationHandlerMapping(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping general) {
        RequestMappingHandlerMapping registrations = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return RegistrationController.class.isAssignableFrom(beanType);
            }
        };
        registrations.setOrder(-1); // Spring MVC's own is 0
        registrations.setContentNegotiationManager(general.getContentNegotiationManager());
        registrations.setPatternParser(general.getPatternParser());
        return registrations;
    }
}
