package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Not a unit test (surefire skips *Benchmark*): prints how fast an auditor gets the timeline of a
 * programme with 1,000 participants and its whole history. Run it with
 * {@code mvn verify -Dtest=AuditTimelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@LifecycleTest
class AuditTimelineBenchmark {

    private static final int PARTICIPANTS = 1_000;
    private static final int REQUESTS = 50;

    @Autowired Lifecycle lifecycle;
    @Autowired AttendanceService attendance;
    @Autowired TestRestTemplate http;

    @Test
    void timelineOfAThousandParticipants() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), PARTICIPANTS, 1, 10_000_000));
        List<Long> participants = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            RegistrationView registration = lifecycle.register(program, "Peserta " + i);
            participants.add(registration.id());
        }
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", Lifecycle.STAFF, Map.of());
        long batch = lifecycle.program(program.getId()).getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, participants, Lifecycle.STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", Lifecycle.STAFF, Map.of());
        lifecycle.resetClock();

        measurePage("/audit/programs/" + program.getId());
        measurePage("/audit/programs/" + program.getId() + "?stage=REGISTRATION&hal=3");
        for (String path : List.of("/api/programs/" + program.getId() + "/audit",
                "/api/programs/" + program.getId() + "/audit.csv",
                "/api/programs/" + program.getId() + "/audit.pdf",
                "/api/programs/" + program.getId() + "/audit/verify",
                "/api/programs/" + program.getId() + "/history")) {
            measure(path);
        }
    }

    /** The auditor's page, after signing in through the login form like a browser (session + CSRF token). */
    private void measurePage(String path) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String base = http.getRootUri();
        String login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=auditor&password=auditor&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), "UTF-8")))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        long[] nanos = new long[REQUESTS];
        int size = 0;
        for (int i = -5; i < REQUESTS; i++) {
            long start = System.nanoTime();
            java.net.http.HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"timeline\"");
            size = page.body().length();
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        report(path + " (page)", nanos, size);
    }

    private static void report(String path, long[] nanos, int size) {
        Arrays.sort(nanos);
        System.out.printf("BENCHMARK %-45s %d requests, %,d bytes: p50 %.1f ms, p95 %.1f ms%n", path.replaceAll("\\d+", "{id}"),
                REQUESTS, size, nanos[REQUESTS / 2] / 1e6, nanos[(int) Math.ceil(REQUESTS * 0.95) - 1] / 1e6);
    }

    private void measure(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("auditor", "auditor");
        long[] nanos = new long[REQUESTS];
        int size = 0;
        for (int i = -5; i < REQUESTS; i++) { // five warm-up requests
            long start = System.nanoTime();
            ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
            long took = System.nanoTime() - start;
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            size = response.getBody().length;
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        report(path, nanos, size);
    }
}
