package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One programme from proposal to COMPLETED over HTTP, as the different users; time passes by the engine's clock. */
@LifecycleTest
class ApiWalkthroughTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void aProgrammeWalksFromProposalToCompletedOverHttp() {
        String lineCode = Lifecycle.nextBudgetCode();
        int fiscalYear = Lifecycle.firstSessionDay().getYear();
        assertThat(call(HttpMethod.POST, "/api/budget-lines", "staff", Map.of("code", lineCode, "name", "x", "agency", "x",
                "fiscalYear", fiscalYear, "source", "APBD", "ceiling", 500_000_000)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> line = body(call(HttpMethod.POST, "/api/budget-lines", "admin", Map.of("code", lineCode,
                "name", "Pemberdayaan Industri dan Peran Serta Masyarakat", "agency", Lifecycle.TANGERANG,
                "fiscalYear", fiscalYear, "source", "APBD",
                "ceiling", 500_000_000)), HttpStatus.CREATED);
        assertThat(((Number) line.get("remaining")).longValue()).isEqualTo(500_000_000L);

        // bad input: a problem body naming the field, nothing stored
        ResponseEntity<Map<String, Object>> bad = call(HttpMethod.POST, "/api/programs", "staff",
                Map.of("title", "Bimtek", "kind", "BIMTEK"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(bad.getBody()).containsKey("field");
        ResponseEntity<Map<String, Object>> badDate = call(HttpMethod.POST, "/api/programs", "staff",
                proposal(lineCode, Map.of("registrationDeadline", "kemarin")));
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).containsEntry("field", "registrationDeadline");
        assertThat(call(HttpMethod.POST, "/api/programs", "division-head", proposal(lineCode, Map.of())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "/api/programs", null, proposal(lineCode, Map.of())).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        Map<String, Object> program = body(call(HttpMethod.POST, "/api/programs", "staff", proposal(lineCode, Map.of())),
                HttpStatus.CREATED);
        String id = String.valueOf(program.get("id"));
        assertThat(program).containsEntry("status", "DRAFT");
        assertThat((String) program.get("code")).startsWith("BIMTEK-" + fiscalYear + "-");
        assertThat(body(call(HttpMethod.POST, "/api/programs/" + id + "/submit", "staff", null), HttpStatus.OK))
                .containsEntry("status", "IN_REVIEW");

        complete("division-head", id, "reviewProposal", Map.of("decision", "REVISE", "comment", "Kuota terlalu kecil"));
        assertThat(status(id)).isEqualTo("REVISION_REQUIRED");
        body(call(HttpMethod.PUT, "/api/programs/" + id, "staff", proposal(lineCode, Map.of())), HttpStatus.OK);
        body(call(HttpMethod.POST, "/api/programs/" + id + "/submit", "staff", null), HttpStatus.OK);
        complete("division-head", id, "reviewProposal", Map.of("decision", "APPROVE"));
        ResponseEntity<Map<String, Object>> staffApproves = call(HttpMethod.POST,
                "/api/tasks/" + taskId("department-head", id, "approveBudget") + "/complete", "staff", Map.of("decision", "APPROVE"));
        assertThat(staffApproves.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        complete("department-head", id, "approveBudget", Map.of("decision", "APPROVE", "comment", "Anggaran tersedia"));
        assertThat(status(id)).isEqualTo("REGISTRATION_OPEN");

        List<Integer> registrations = new ArrayList<>();
        for (String name : List.of("Siti Aminah", "Dewi Lestari", "Rina Wati")) {
            Map<String, Object> registration = body(call(HttpMethod.POST, "/api/programs/" + id + "/registrations", null,
                    Map.of("nik", Lifecycle.nextNik(), "name", name, "businessName", "Konveksi " + name, "sector", "APPAREL",
                            "district", "Cibodas", "phone", "081212345678", "batch", "Gelombang 1")), HttpStatus.CREATED);
            registrations.add((Integer) registration.get("id"));
        }
        ResponseEntity<Map<String, Object>> badNik = call(HttpMethod.POST, "/api/programs/" + id + "/registrations", null,
                Map.of("nik", "12345", "name", "X", "businessName", "X", "sector", "APPAREL", "district", "Cibodas",
                        "phone", "081212345678", "batch", "Gelombang 1"));
        assertThat(badNik.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badNik.getBody()).containsEntry("field", "nik");

        lifecycle.passTime(Duration.ofDays(8));
        complete("staff", id, "confirmParticipants", Map.of());
        Map<String, Object> delivering = body(call(HttpMethod.GET, "/api/programs/" + id, "staff", null), HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Object batchId = ((List<Map<String, Object>>) delivering.get("batches")).get(0).get("id");
        lifecycle.sessionsHeld(lifecycle.program(Long.parseLong(id)));
        for (int session = 1; session <= 3; session++) {
            body(call(HttpMethod.PUT, "/api/programs/" + id + "/batches/" + batchId + "/sessions/" + session + "/attendance",
                    "staff", Map.of("present", registrations)), HttpStatus.OK);
        }
        assertThat(call(HttpMethod.PUT, "/api/programs/" + id + "/batches/" + batchId + "/sessions/4/attendance",
                "staff", Map.of("present", registrations)).getBody()).containsEntry("field", "session");
        complete("staff", id, "recordAttendance", Map.of());
        complete("staff", id, "fileClosingReport", Map.of("realisedItems",
                List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000)), "notes", "Selesai"));
        complete("department-head", id, "approveClosingReport", Map.of("decision", "APPROVE"));
        assertThat(status(id)).isEqualTo("FOLLOW_UP");

        List<Map<String, Object>> items = list("/api/programs/" + id + "/follow-up-items", "staff");
        assertThat(items).hasSize(3);
        assertThat(call(HttpMethod.PUT, "/api/programs/" + id + "/follow-up-items/" + items.get(0).get("id"), "staff",
                Map.of("status", "IN_PROGRESS", "note", "Pendampingan pemasaran")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        body(call(HttpMethod.POST, "/api/programs/" + id + "/follow-up-items", "staff",
                Map.of("registrationId", registrations.get(0), "kind", "HALAL_CERTIFICATION")), HttpStatus.CREATED);

        for (int round = 1; round <= 2; round++) {
            lifecycle.passTime(Duration.ofDays(95));
            for (Integer registration : registrations) {
                body(call(HttpMethod.POST, "/api/programs/" + id + "/outcomes", "staff", Map.of("registrationId", registration,
                        "round", round, "businessActive", true, "monthlyRevenue", 4_500_000, "employees", 2)), HttpStatus.CREATED);
            }
            complete("staff", id, "recordOutcomes", Map.of());
        }
        assertThat(status(id)).isEqualTo("COMPLETED");

        Map<String, Object> settled = body(call(HttpMethod.GET, "/api/budget-lines/" + lineCode, "auditor", null), HttpStatus.OK);
        assertThat(((Number) settled.get("committed")).longValue()).isZero();
        assertThat(((Number) settled.get("realised")).longValue()).isEqualTo(9_000_000L);
        List<Map<String, Object>> history = list("/api/programs/" + id + "/history", "auditor");
        assertThat(history).anySatisfy(entry -> {
            assertThat(entry).containsEntry("type", "DECISION").containsEntry("actor", "department-head");
            assertThat((String) entry.get("detail")).contains("APPROVE: Anggaran tersedia");
        });
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("type", "TASK")
                .containsEntry("key", "reviewProposal").containsEntry("actor", "division-head"));
        assertThat(history).anySatisfy(entry -> assertThat(entry).containsEntry("type", "BUDGET").containsEntry("name", "RELEASE"));
    }

    @Test
    void theTaskListComesAPageAtATimeWithItsTotal() {
        var line = lifecycle.budgetLine(500_000_000);
        var programmes = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> lifecycle.submitted(lifecycle.sewingBimtek(line))).toList();
        ResponseEntity<String> firstPage = http.exchange("/api/tasks?size=2&sort=due", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers("division-head")), String.class);
        assertThat(firstPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        long total = Long.parseLong(firstPage.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(list("/api/tasks?size=2", "division-head")).hasSize(2);
        assertThat(list("/api/tasks?size=500&page=" + (total / 500 + 1), "division-head")).isEmpty();
        var one = programmes.get(1);
        assertThat(list("/api/tasks?programId=" + one.getId(), "division-head")).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("key", "reviewProposal")
                        .containsEntry("programCode", one.getCode()));
        assertThat(list("/api/tasks?programId=" + one.getId(), "department-head")).isEmpty();
        ResponseEntity<Map<String, Object>> tooBig = call(HttpMethod.GET, "/api/tasks?size=100000", "division-head", null);
        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooBig.getBody()).containsEntry("field", "size");
    }

    @Test
    void theEngineRestApiNeedsAnAdministrator() {
        assertThat(call(HttpMethod.GET, "/engine-rest/process-definition", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // (a failed login also locks the user for a few seconds: Camunda's brute-force protection)
        assertThat(call(HttpMethod.GET, "/engine-rest/process-definition", "department-secretary:wrong", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.GET, "/engine-rest/process-definition", "staff", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/engine-rest/process-definition/key/program-lifecycle", HttpMethod.GET,
                new HttpEntity<>(headers("admin")), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private Map<String, Object> proposal(String lineCode, Map<String, Object> overrides) {
        LocalDate start = Lifecycle.firstSessionDay();
        Map<String, Object> proposal = new java.util.HashMap<>(Map.of(
                "title", "Bimtek Pengembangan Produk Industri: Menjahit", "kind", "BIMTEK",
                "agency", "Disperindakop dan UKM Kota Tangerang", "budgetLineCode", lineCode, "fiscalYear", Lifecycle.firstSessionDay().getYear(),
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7).withNano(0).toString(),
                "minimumParticipants", 2, "tracks", List.of("APPAREL"),
                "batches", List.of(Map.of("name", "Gelombang 1", "track", "APPAREL", "startDate", start.toString(),
                        "endDate", start.plusDays(2).toString(), "venue", "SMKN 3 Kota Tangerang", "mode", "OFFLINE",
                        "quota", 39, "sessions", 3)),
                "budgetItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000),
                        Map.of("description", "Bahan praktik", "amount", 15_600_000))));
        proposal.putAll(overrides);
        return proposal;
    }

    private void complete(String user, String programId, String key, Map<String, Object> form) {
        ResponseEntity<Map<String, Object>> response = call(HttpMethod.POST,
                "/api/tasks/" + taskId(user, programId, key) + "/complete", user, form);
        assertThat(response.getStatusCode()).as("completing %s: %s", key, response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String taskId(String user, String programId, String key) {
        return list("/api/tasks?programId=" + programId + "&key=" + key, user).stream()
                .filter(task -> String.valueOf(task.get("programId")).equals(programId) && key.equals(task.get("key")))
                .map(task -> (String) task.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + key + " for " + user));
    }

    private String status(String id) {
        return (String) body(call(HttpMethod.GET, "/api/programs/" + id, "auditor", null), HttpStatus.OK).get("status");
    }

    private List<Map<String, Object>> list(String path, String user) {
        ResponseEntity<List<Map<String, Object>>> response = http.exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers(user)), LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, String user, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, headers(user)), OBJECT);
    }

    private static Map<String, Object> body(ResponseEntity<Map<String, Object>> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(expected);
        return response.getBody();
    }

    /** "user" logs in with the demo password (the user name); "user:password" with the one given. */
    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            String[] parts = user.split(":", 2);
            headers.setBasicAuth(parts[0], parts.length == 2 ? parts[1] : parts[0]);
        }
        return headers;
    }
}
