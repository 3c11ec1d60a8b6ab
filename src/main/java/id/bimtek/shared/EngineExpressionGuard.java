package id.bimtek.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses engine queries that carry an expression ({@code ${...}} or {@code #{...}}) in their parameters
 * or body. Camunda 7.24 community edition evaluates JUEL inside task-query {@code orQueries} even when
 * ad-hoc expressions are disabled (CVE-2026-109432), and its fix ships only in enterprise patches. This
 * filter is the outer wall; {@link QueryExpressionGuard} stops such an evaluation in the engine itself.
 */
@Configuration(proxyBeanMethods = false)
public class EngineExpressionGuard {

    static final int MAX_BODY = 2 * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineExpressionGuardFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("engine-expression-guard");
        // first of all, so the webapps' own authentication and CSRF filters never see such a request
        // right after the webapps' firewall, which follows the session store's filter
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuse(response, 413, "the request body is too large");
                return;
            }
            String notPlainJson = notPlainJson(request, body);
            if (notPlainJson != null) {
                refuse(response, 415, notPlainJson);
                return;
            }
            String query = request.getQueryString() == null ? ""
                    : URLDecoder.decode(request.getQueryString().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (carriesExpression(query) || carriesExpression(new String(body, StandardCharsets.UTF_8))) {
                refuse(response, 400, "expressions (${...} or #{...}) are not accepted in engine requests");
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
        }

        /**
         * The engine's JSON reader guesses a body's encoding (UTF-16, UTF-32) and its container may inflate
         * it: a body is judged only as plain UTF-8 JSON (RFC 8259), and anything else is refused. Deployments
         * (administrators on /engine-rest) are the one multipart request.
         */
        static String notPlainJson(HttpServletRequest request, byte[] body) {
            String encoding = request.getHeader("Content-Encoding");
            if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
                return "compressed request bodies are not accepted";
            }
            if (body.length == 0) {
                return null;
            }
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("multipart/form-data") && request.getRequestURI().endsWith("/engine-rest/deployment/create")) {
                return null;
            }
            String[] parts = type.split(";");
            boolean json = parts[0].trim().equals("application/json");
            for (int i = 1; i < parts.length && json; i++) {
                String parameter = parts[i].trim();
                json = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
            }
            if (!json) {
                return "request bodies must be JSON (application/json) in UTF-8";
            }
            if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
                return "request bodies must be UTF-8 without a byte order mark";
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body));
            } catch (java.nio.charset.CharacterCodingException e) {
                return "request bodies must be valid UTF-8";
            }
            // a UTF-16 or UTF-32 body is valid UTF-8 byte by byte, but carries NULs, which JSON text never does
            for (byte b : body) {
                if (b == 0) {
                    return "request bodies must be UTF-8 JSON text";
                }
            }
            return null;
        }

        static boolean carriesExpression(String text) {
            // JSON may escape the characters: \u0024{ is ${ too
            String normalised = text.replace("\\u0024", "$").replace("\\u0023", "#").replace("\\u007b", "{")
                    .replace("\\u007B", "{");
            return normalised.contains("${") || normalised.contains("#{");
        }

        private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
        }
    }
}
