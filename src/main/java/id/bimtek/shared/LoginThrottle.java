package id.bimtek.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without letting a stranger lock anyone out for good (the engine's own lockout,
 * permanent after ten failures, is switched off in application.yaml). Per client address: a few free
 * failures, then each further failure makes the client wait twice as long as the last (up to a limit).
 * Per account: after many failures from anywhere, the account waits a few minutes; it is never locked for
 * longer, and a correct password lifts the account's count. Covers every way in: HTTP Basic on the APIs,
 * the auditors' form login and the Camunda webapps' login. Settings: {@code lifecycle.login.*}. The counts
 * live in this node's memory: each node of a cluster counts its own.
 */
@Configuration(proxyBeanMethods = false)
public class LoginThrottle {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
            @Value("${lifecycle.login.client-free-failures:5}") int clientFreeFailures,
            @Value("${lifecycle.login.client-first-delay:2s}") Duration clientFirstDelay,
            @Value("${lifecycle.login.client-max-delay:15m}") Duration clientMaxDelay,
            @Value("${lifecycle.login.account-free-failures:20}") int accountFreeFailures,
            @Value("${lifecycle.login.account-lock:5m}") Duration accountLock,
            @Value("${lifecycle.login.forget-after:15m}") Duration forgetAfter) {
        Throttle throttle = new Throttle(Clock.systemUTC(), clientFreeFailures, clientFirstDelay, clientMaxDelay,
                accountFreeFailures, accountLock, forgetAfter);
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(throttle));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/login", "/camunda/api/admin/auth/user/*");
        registration.setName("login-throttle");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** The bookkeeping, apart from HTTP so that it can be tested with a clock of its own. */
    public static final class Throttle {

        private record Failures(int count, Instant last, Instant blockedUntil) {
        }

        private final Clock clock;
        private final int clientFreeFailures;
        private final Duration clientFirstDelay;
        private final Duration clientMaxDelay;
        private final int accountFreeFailures;
        private final Duration accountLock;
        private final Duration forgetAfter;
        private final Map<String, Failures> clients = new ConcurrentHashMap<>();
        private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

        public Throttle(Clock clock, int clientFreeFailures, Duration clientFirstDelay, Duration clientMaxDelay,
                        int accountFreeFailures, Duration accountLock, Duration forgetAfter) {
            this.clock = clock;
            this.clientFreeFailures = clientFreeFailures;
            this.clientFirstDelay = clientFirstDelay;
            this.clientMaxDelay = clientMaxDelay;
            this.accountFreeFailures = accountFreeFailures;
            this.accountLock = accountLock;
            this.forgetAfter = forgetAfter;
        }

        /** How long the attempt must wait, or zero when it may go ahead. */
        public Duration waitBefore(String client, String account) {
            Instant now = clock.instant();
            Instant until = later(blockedUntil(clients, client, now), blockedUntil(accounts, account, now));
            return until == null ? Duration.ZERO : Duration.between(now, until);
        }

        public void failed(String client, String account) {
            Instant now = clock.instant();
            Failures byClient = count(clients, client, now);
            int beyond = byClient.count() - clientFreeFailures;
            if (beyond > 0) {
                Duration delay = beyond > 30 ? clientMaxDelay : clientFirstDelay.multipliedBy(1L << Math.min(beyond - 1, 30));
                clients.put(client, new Failures(byClient.count(), now, now.plus(min(delay, clientMaxDelay))));
            }
            if (account != null) {
                Failures byAccount = count(accounts, account, now);
                if (byAccount.count() > accountFreeFailures) {
                    accounts.put(account, new Failures(byAccount.count(), now, now.plus(accountLock)));
                }
            }
            if (clients.size() + accounts.size() > 100_000) {
                forgetOld(now);
            }
        }

        /** A correct password: the account's failures are forgiven (the client's are not: it may be guessing others). */
        public void succeeded(String account) {
            if (account != null) {
                accounts.remove(account);
            }
        }

        private Failures count(Map<String, Failures> table, String key, Instant now) {
            return table.compute(key, (k, old) -> old == null || old.last().plus(forgetAfter).isBefore(now)
                    ? new Failures(1, now, null) : new Failures(old.count() + 1, now, old.blockedUntil()));
        }

        private Instant blockedUntil(Map<String, Failures> table, String key, Instant now) {
            Failures failures = key == null ? null : table.get(key);
            return failures == null || failures.blockedUntil() == null || !failures.blockedUntil().isAfter(now)
                    ? null : failures.blockedUntil();
        }

        private void forgetOld(Instant now) {
            clients.values().removeIf(failures -> failures.last().plus(forgetAfter).isBefore(now));
            accounts.values().removeIf(failures -> failures.last().plus(forgetAfter).isBefore(now));
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    static final class Guard extends OncePerRequestFilter {

        private final Throttle throttle;

        Guard(Throttle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String account = attemptedAccount(request);
            if (account == null) {
                chain.doFilter(request, response);
                return;
            }
            String client = request.getRemoteAddr();
            Duration wait = throttle.waitBefore(client, account);
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\",\"status\":429,"
                        + "\"detail\":\"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam " + seconds + " detik.\","
                        + "\"field\":\"password\"}");
                return;
            }
            chain.doFilter(request, response);
            if (failed(request, response)) {
                throttle.failed(client, account);
            } else {
                throttle.succeeded(account);
            }
        }

        /** The user name a request tries to log in as, or null when it carries no password. */
        private static String attemptedAccount(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon < 0 ? decoded : decoded.substring(0, colon);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
            if ("POST".equals(request.getMethod()) && (isFormLogin(request) || isWebappLogin(request))) {
                String user = request.getParameter("username");
                return user == null ? "" : user;
            }
            return null;
        }

        private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
            if (isFormLogin(request)) {
                String location = response.getHeader("Location");
                return location != null && location.contains("error");
            }
            return response.getStatus() == 401 || isWebappLogin(request) && response.getStatus() == 403;
        }

        private static boolean isFormLogin(HttpServletRequest request) {
            return "/login".equals(request.getServletPath()) && "POST".equals(request.getMethod());
        }

        private static boolean isWebappLogin(HttpServletRequest request) {
            return request.getRequestURI().contains("/camunda/api/admin/auth/user/") && request.getRequestURI().contains("/login/");
        }
    }
}
