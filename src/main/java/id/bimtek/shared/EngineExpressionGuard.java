package id.bimtek.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses engine queries that carry an expression ({@code ${...}} or {@code #{...}}) in their parameters
 * or body. Camunda 7.24 community edition evaluates JUEL inside task-query {@code orQueries} even when
 * ad-hoc expressions are disabled (CVE-2026-109432), and its fix ships only in enterprise patches.
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
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
            String query = request.getQueryString() == null ? ""
                    : URLDecoder.decode(request.getQueryString().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (carriesExpression(query) || carriesExpression(new String(body, StandardCharsets.UTF_8))) {
                refuse(response, 400, "expressions (${...} or #{...}) are not accepted in engine requests");
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
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

    /** The request with its body read once and served again to the engine. */
    static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is in memory: it is available at once, and then read to its end. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
