package id.bimtek.shared;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Everything requires authentication except what applicants need (registering, withdrawing, answering a
 * seat offer) and the health probe. Roles are Camunda groups; see {@link CamundaIdentityAuthenticationProvider}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String STAFF = Roles.roleOf(Roles.STAFF);
    private static final String DEPARTMENT_HEAD = Roles.roleOf(Roles.DEPARTMENT_HEAD);
    private static final String DIVISION_HEAD = Roles.roleOf(Roles.DIVISION_HEAD);
    private static final String ADMIN = Roles.roleOf(Roles.ADMIN);
    private static final String AUDITOR = Roles.roleOf(Roles.AUDITOR);

    /** What applicants send: registering, withdrawing, answering a seat offer. */
    private static final RequestMatcher APPLICANT_API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(POST, "/api/programs/*/registrations"),
            PathPatternRequestMatcher.withDefaults().matcher(POST, "/api/programs/*/registrations/withdraw"),
            PathPatternRequestMatcher.withDefaults().matcher(POST, "/api/programs/*/registrations/accept-offer"),
            PathPatternRequestMatcher.withDefaults().matcher(POST, "/api/programs/*/registrations/decline-offer"));

    /** The Camunda webapps run their own session login and CSRF protection against the same identity service. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // path matchers on the whole request path: these URLs are served by other servlets than Spring MVC's
        return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * The engine's REST API: HTTP Basic, and the engine is told who the caller is. Until Camunda
     * authorizations are configured per role, only administrators may use it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The auditors' pages: a browser session with form login against the same identity service, CSRF on.
     * Only auditors and administrators may read them.
     */
    @Bean
    @Order(3)
    SecurityFilterChain auditorPages(HttpSecurity http, CamundaIdentityAuthenticationProvider identity) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/audit"), path("/audit/**"), path("/kerja"), path("/kerja/**"),
                        path("/webjars/**"), path("/login"), path("/logout")))
                .authenticationProvider(identity)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/login")).permitAll()
                        // the outcome dashboard: heads, auditors (read-only) and administrators; staff work on tasks
                        .requestMatchers(path("/kerja/capaian"), path("/kerja/capaian/**"))
                        .hasAnyRole(DIVISION_HEAD, DEPARTMENT_HEAD, AUDITOR, ADMIN)
                        // the pages' script libraries (the dashboard's charts): for whoever is signed in
                        .requestMatchers(path("/webjars/**")).authenticated()
                        .requestMatchers(path("/kerja/anggaran"), path("/kerja/anggaran/**")).hasRole(ADMIN)
                        .requestMatchers(path("/kerja/program/*/batal"), path("/kerja/program/*/pendaftaran"), path("/kerja/program/*/jadwal"))
                        .hasRole(DEPARTMENT_HEAD)
                        .requestMatchers(path("/kerja/wakil"), path("/kerja/wakil/**")).hasAnyRole(DIVISION_HEAD, DEPARTMENT_HEAD)
                        .requestMatchers(path("/kerja/program/**"), path("/kerja/usulan"), path("/kerja/usulan/**")).hasRole(STAFF)
                        .requestMatchers(path("/kerja"), path("/kerja/**"))
                        .hasAnyRole(STAFF, DIVISION_HEAD, DEPARTMENT_HEAD, ADMIN)
                        .anyRequest().hasAnyRole(AUDITOR, ADMIN))
                .headers(SecurityConfig::pageHeaders)
                .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /**
     * The applicants' pages and their assets: public, no login; a browser session carries the CSRF token
     * of their forms and the answer shown after a registration.
     */
    @Bean
    @Order(4)
    SecurityFilterChain applicantPages(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/daftar"), path("/daftar/**"), path("/sertifikat/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(SecurityConfig::pageHeaders)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /**
     * What applicants send to the API: anonymous and stateless, so only the filters that still matter (security
     * headers, authorization). The full API chain costs a registration rush a noticeable share of its CPU.
     */
    @Bean
    @Order(5)
    SecurityFilterChain applicantApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(APPLICANT_API)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                // nobody is signed in: no request wrapper that asks Spring Security who is
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * Applicants' API requests pass Spring Session by: they never have a session, and its request wrapper is one
     * more layer each of Spring MVC's many {@code getMethod()} calls goes through while it finds the handler. The
     * filter skips a request marked as already filtered (its {@code OncePerRequestFilter} contract).
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> applicantApiWithoutSession() {
        // the attribute Spring Session's (package-private) OncePerRequestFilter looks for
        String alreadyFiltered = SessionRepositoryFilter.class.getName() + ".FILTERED";
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            if (APPLICANT_API.matches((jakarta.servlet.http.HttpServletRequest) request)) {
                request.setAttribute(alreadyFiltered, Boolean.TRUE);
            }
            chain.doFilter(request, response);
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("applicant-api-without-session");
        return registration;
    }

    @Bean
    @Order(6)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/error").permitAll()
                        .requestMatchers(GET, "/actuator/prometheus").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/programs/*/registrations/import").hasRole(STAFF)
                        .requestMatchers(POST, "/api/budget-lines").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/instructors").hasRole(STAFF)
                        .requestMatchers(GET, "/api/programs/*/batches/*/certificates.pdf").hasRole(STAFF)
                        .requestMatchers(GET, "/api/programs/*/batches/*/sessions/*/attendance-sheet.pdf").hasRole(STAFF)
                        .requestMatchers(POST, "/api/certificates/withdraw").hasRole(DEPARTMENT_HEAD)
                        .requestMatchers(POST, "/api/programs").hasRole(STAFF)
                        .requestMatchers(PUT, "/api/programs/*").hasRole(STAFF)
                        .requestMatchers(POST, "/api/programs/*/submit").hasRole(STAFF)
                        .requestMatchers(POST, "/api/programs/*/cancel").hasRole(DEPARTMENT_HEAD)
                        .requestMatchers(PUT, "/api/programs/*/batches/*/sessions/*/attendance").hasRole(STAFF)
                        .requestMatchers(POST, "/api/programs/*/outcomes").hasRole(STAFF)
                        .requestMatchers(PUT, "/api/programs/*/follow-up-items/*").hasRole(STAFF)
                        .requestMatchers(POST, "/api/programs/*/follow-up-items").hasRole(STAFF)
                        .requestMatchers(POST, "/api/delegations", "/api/delegations/*/revoke")
                        .hasAnyRole(Roles.roleOf(Roles.DIVISION_HEAD), DEPARTMENT_HEAD)
                        // the audit trail is for auditors (and administrators, who answer for the system)
                        .requestMatchers(GET, "/api/programs/*/audit", "/api/programs/*/audit/**", "/api/audit/**",
                                "/api/programs/*/audit.csv", "/api/programs/*/audit.pdf")
                        .hasAnyRole(AUDITOR, ADMIN)
                        // a budget line's ledger: for those who answer for the money
                        .requestMatchers(GET, "/api/budget-lines/*/ledger").hasAnyRole(AUDITOR, ADMIN, DEPARTMENT_HEAD)
                        .requestMatchers(GET, "/api/**").authenticated()
                        // the API's description: for those who use the API
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        .requestMatchers(POST, "/api/tasks/*/complete").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                // stateless HTTP Basic clients carry no cookie, so there is nothing for CSRF to protect
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The project's own pages load nothing from elsewhere and run only their own script files: a CSP that
     * says so, no framing, and no referrer beyond the site (a programme's URL says which programme).
     */
    private static void pageHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                        + "form-action 'self'; frame-ancestors 'none'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** After login: the page asked for, else the auditors' search for auditors and the workspace for everyone else. */
    static final class LandingPage extends org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                                            jakarta.servlet.http.HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication) {
            boolean auditor = authentication.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + AUDITOR));
            return auditor ? "/audit" : "/kerja";
        }
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Lets the engine know the user Spring Security authenticated on {@code /engine-rest}. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        return registration;
    }
}
