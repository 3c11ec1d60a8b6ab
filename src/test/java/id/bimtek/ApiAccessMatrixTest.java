package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.WebappSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every endpoint of the project's API, and the engine's REST API, against every role and anonymous:
 * allowed where it should be, 401 or 403 otherwise, and a refused call changes nothing.
 */
@LifecycleTest
class ApiAccessMatrixTest {

    private static final String ANONYMOUS = null;
    /** The one allowed to act comes last, so its call (which may change things) does not spoil the others. */
    private static final List<String> USERS = java.util.Arrays.asList(ANONYMOUS, "auditor", "admin", "staff",
            "department-head", "division-head");

    private record Call(HttpMethod method, String path, Object body, Set<String> allowed) {
    }

    /** A body sent as {@code text/csv} instead of JSON. */
    private record CsvBody(String text) {
    }

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;
    @Autowired ProgramService programs;
    @Autowired JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void everyEndpointAgainstEveryRole() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program draft = programs.create(lifecycle.sewingBimtek(line), Lifecycle.STAFF.id());
        Program inReview = lifecycle.submitted(lifecycle.sewingBimtek(line));
        Program open = lifecycle.approved(lifecycle.sewingBimtek(line));
        RegistrationView registration = lifecycle.register(open, "Siti Aminah");
        String reviewTask = lifecycle.task(lifecycle.submitted(lifecycle.sewingBimtek(line)), "reviewProposal").getId();
        long batch = open.getBatches().get(0).getId();
        Set<String> everyone = Set.of("auditor", "admin", "staff", "department-head", "division-head");
        Set<String> anybody = new java.util.HashSet<>(everyone);
        anybody.add("anonymous");
        Map<String, Object> proposal = proposal(line);

        List<Call> calls = List.of(
                new Call(HttpMethod.POST, "/api/budget-lines", Map.of("code", id.bimtek.support.Lifecycle.nextBudgetCode(), "name", "x", "agency", "x",
                        "fiscalYear", id.bimtek.support.Lifecycle.firstSessionDay().getYear(), "source", "APBD", "ceiling", 1000), Set.of("admin")),
                new Call(HttpMethod.GET, "/api/budget-lines/" + line.getCode(), null, everyone),
                new Call(HttpMethod.POST, "/api/instructors", Map.of("name", "Rina Kartika", "expertise", "Menjahit busana",
                        "phone", "081298765432"), Set.of("staff")),
                new Call(HttpMethod.GET, "/api/instructors", null, everyone),
                new Call(HttpMethod.GET, "/api/instructors/" + Long.MAX_VALUE, null, everyone),
                new Call(HttpMethod.GET, "/sertifikat/" + open.getCode() + "/SERT/001", null, anybody),
                new Call(HttpMethod.GET, "/v3/api-docs", null, everyone),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/batches/" + batch
                        + "/sessions/1/attendance-sheet.pdf", null, Set.of("staff")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/registrations/list.pdf", null, everyone),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/closing-report.pdf", null, everyone),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/batches/" + batch + "/certificates.pdf", null,
                        Set.of("staff")),
                new Call(HttpMethod.POST, "/api/certificates/withdraw", Map.of("number", open.getCode() + "/SERT/001",
                        "reason", "NIK ganda"), Set.of("department-head")),
                new Call(HttpMethod.POST, "/api/programs", proposal, Set.of("staff")),
                new Call(HttpMethod.GET, "/api/programs", null, everyone),
                new Call(HttpMethod.GET, "/api/programs/" + draft.getId(), null, everyone),
                new Call(HttpMethod.PUT, "/api/programs/" + draft.getId(), proposal, Set.of("staff")),
                new Call(HttpMethod.POST, "/api/programs/" + draft.getId() + "/submit", null, Set.of("staff")),
                new Call(HttpMethod.POST, "/api/programs/" + inReview.getId() + "/cancel", Map.of("reason", "Refocusing"),
                        Set.of("department-head")),
                new Call(HttpMethod.GET, "/api/tasks", null, everyone),
                new Call(HttpMethod.POST, "/api/tasks/" + reviewTask + "/complete", Map.of("decision", "REVISE", "comment", "x"),
                        Set.of("division-head")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/registrations", null, everyone),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/registrations",
                        Map.of("nik", Lifecycle.nextNik(), "name", "Dewi", "businessName", "Konveksi Dewi", "sector", "APPAREL",
                                "district", "Cibodas", "phone", "081212345678", "batch", "Gelombang 1"), anybody),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/registrations/withdraw",
                        Map.of("nik", registration.nik(), "reference", "WRONG"), anybody),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/registrations/import",
                        new CsvBody("nik,name,business_name,sector,district,phone,batch\n" + Lifecycle.nextNik()
                                + ",Rina,Konveksi Rina,APPAREL,Cibodas,081212345678,Gelombang 1\n"), Set.of("staff")),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/registrations/accept-offer",
                        Map.of("nik", registration.nik(), "reference", "WRONG"), anybody),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/registrations/decline-offer",
                        Map.of("nik", registration.nik(), "reference", "WRONG"), anybody),
                new Call(HttpMethod.PUT, "/api/programs/" + open.getId() + "/batches/" + batch + "/sessions/1/attendance",
                        Map.of("present", List.of(registration.id())), Set.of("staff")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/follow-up-items", null, everyone),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/follow-up-items",
                        Map.of("registrationId", registration.id(), "kind", "MENTORING"), Set.of("staff")),
                new Call(HttpMethod.PUT, "/api/programs/" + open.getId() + "/follow-up-items/1",
                        Map.of("status", "DONE"), Set.of("staff")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/outcomes", null, everyone),
                new Call(HttpMethod.POST, "/api/programs/" + open.getId() + "/outcomes", Map.of("registrationId", registration.id(),
                        "round", 1, "businessActive", true, "monthlyRevenue", 1, "employees", 1), Set.of("staff")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/history", null, everyone),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/audit.csv", null, Set.of("auditor", "admin")),
                new Call(HttpMethod.GET, "/api/programs/" + open.getId() + "/audit.pdf", null, Set.of("auditor", "admin")),
                new Call(HttpMethod.GET, "/api/audit/verify-checkpoint", null, Set.of("auditor", "admin")),
                new Call(HttpMethod.GET, "/api/budget-lines/" + line.getCode() + "/ledger", null,
                        Set.of("auditor", "admin", "department-head")),
                new Call(HttpMethod.GET, "/api/delegations", null, everyone),
                new Call(HttpMethod.POST, "/api/delegations", Map.of("deputy", "staff",
                        "validUntil", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString()), Set.of("division-head", "department-head")),
                new Call(HttpMethod.GET, "/engine-rest/process-definition", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/actuator/prometheus", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/engine-rest/task", null, Set.of("admin")),
                // (the administrator passes; the task's own rules then refuse a completion without a decision)
                new Call(HttpMethod.POST, "/engine-rest/task/" + reviewTask + "/complete", Map.of(), Set.of("admin")),
                new Call(HttpMethod.GET, "/engine-rest/process-instance/" + open.getProcessInstanceId(), null, Set.of("admin")));

        for (Call call : calls) {
            for (String user : USERS) {
                boolean allowed = call.allowed().contains(user == null ? "anonymous" : user);
                String before = fingerprint();
                HttpEntity<?> request = call.body() instanceof CsvBody csv ? csv(csv, user)
                        : new HttpEntity<>(call.body(), headers(user));
                ResponseEntity<String> response = http.exchange(call.path(), call.method(), request, String.class);
                String what = call.method() + " " + call.path() + " as " + (user == null ? "anonymous" : user);
                if (allowed) {
                    assertThat(response.getStatusCode()).as(what).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
                } else {
                    assertThat(response.getStatusCode()).as(what)
                            .isEqualTo(user == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN);
                    assertThat(fingerprint()).as("nothing changed by " + what).isEqualTo(before);
                }
            }
        }
    }

    /**
     * The Camunda webapps' own API, reached with each role's webapp session (and its XSRF token): what changes
     * the engine is the administrators', Cockpit's API the auditors', Admin's the administrators'. A refusal
     * is a 403 and changes nothing, the process variables included.
     */
    @Test
    void theWebappsApiAgainstEveryRole() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program inReview = lifecycle.submitted(lifecycle.sewingBimtek(line));
        String instance = lifecycle.instanceOf(inReview).getId();
        String task = lifecycle.task(inReview, "reviewProposal").getId();
        String engine = "/camunda/api/engine/engine/default/";
        Map<String, String> appOf = Map.of("staff", "tasklist", "division-head", "tasklist", "department-head", "tasklist",
                "auditor", "cockpit", "admin", "admin");
        record WebCall(String method, String path, String body, Set<String> allowed) {
        }
        List<WebCall> calls = List.of(
                new WebCall("GET", engine + "task/count", null, appOf.keySet()),
                new WebCall("POST", engine + "process-instance/" + instance + "/variables",
                        "{\"modifications\":{\"reviewDecision\":{\"value\":\"APPROVE\"}}}", Set.of("admin")),
                new WebCall("PUT", engine + "task/" + task + "/variables/decision", "{\"value\":\"APPROVE\"}", Set.of("admin")),
                new WebCall("POST", engine + "task/" + task + "/assignee", "{\"userId\":\"division-head\"}", Set.of("admin")),
                new WebCall("POST", engine + "signal", "{\"name\":\"nothing-listens\"}", Set.of("admin")),
                new WebCall("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null,
                        Set.of("auditor", "admin")),
                new WebCall("POST", "/camunda/api/admin/setup/default/user/create",
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder\"}}", Set.of()));
        for (String user : List.of("staff", "division-head", "department-head", "auditor", "admin")) {
            WebappSession session = WebappSession.login(http.getRootUri(), user, appOf.get(user));
            for (WebCall call : calls) {
                String what = call.method() + " " + call.path() + " as " + user;
                String before = fingerprint() + runtimeVariables(instance);
                java.net.http.HttpResponse<String> response = session.json(call.method(), call.path(), call.body());
                if (call.allowed().contains(user)) {
                    assertThat(response.statusCode()).as(what + ": " + response.body()).isNotIn(401, 403);
                } else {
                    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
                    assertThat(fingerprint() + runtimeVariables(instance)).as("nothing changed by " + what).isEqualTo(before);
                }
            }
        }
    }

    /**
     * The server-rendered pages behind form login, against every role signed in that way and anonymous: the
     * workspace is for staff and heads, a stage's sheet for staff, the auditors' pages for auditors. A refused
     * page is a 403 (anonymous: to the login page), and a refused form post changes nothing.
     */
    @Test
    void thePagesAgainstEveryRole() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program open = lifecycle.approved(lifecycle.sewingBimtek(line));
        long batch = open.getBatches().get(0).getId();
        String sheet = "/kerja/program/" + open.getId() + "/gelombang/" + batch + "/kehadiran";
        Set<String> workers = Set.of("staff", "department-head", "division-head", "admin");
        record Page(String path, Set<String> allowed) {
        }
        List<Page> pages = List.of(
                new Page("/kerja", workers),
                new Page("/kerja/tugas?taskId=no-such-task", workers), // allowed: 404
                new Page(sheet, Set.of("staff")),
                new Page("/kerja/program/" + open.getId() + "/pemantauan", Set.of("staff")),
                new Page("/kerja/program/" + open.getId() + "/penutupan", Set.of("staff")),
                new Page("/kerja/usulan/baru", Set.of("staff")),
                new Page("/kerja/wakil", Set.of("department-head", "division-head")),
                new Page("/kerja/anggaran", Set.of("admin")),
                new Page("/kerja/program/" + open.getId() + "/batal", Set.of("department-head")),
                new Page("/kerja/program/" + open.getId() + "/pendaftaran", Set.of("department-head")),
                new Page("/kerja/program/" + open.getId() + "/jadwal", Set.of("department-head")),
                new Page("/kerja/program/" + open.getId() + "/pendaftar", Set.of("staff")),
                new Page("/kerja/program/" + open.getId() + "/pesan", Set.of("staff")),
                new Page("/kerja/program/" + open.getId() + "/pendaftar/impor/999999", Set.of("staff")), // allowed: 404
                new Page("/kerja/usulan/" + open.getId(), Set.of("staff")),
                new Page("/kerja/capaian", Set.of("department-head", "division-head", "auditor", "admin")),
                new Page("/kerja/capaian/unduh.csv?tahun=2026", Set.of("department-head", "division-head", "auditor", "admin")),
                new Page("/kerja/capaian/grafik.js", Set.of("department-head", "division-head", "auditor", "admin")),
                new Page("/webjars/chart.js/dist/chart.umd.min.js", Set.of("staff", "department-head", "division-head", "auditor", "admin")),
                new Page("/audit", Set.of("auditor", "admin")),
                new Page("/audit/programs/" + open.getId(), Set.of("auditor", "admin")));
        for (String user : USERS) {
            id.bimtek.support.PageBrowser browser = new id.bimtek.support.PageBrowser(port);
            if (user != null) {
                browser.signIn(user);
            }
            for (Page page : pages) {
                String what = "GET " + page.path() + " as " + (user == null ? "anonymous" : user);
                int status = browser.get(page.path()).statusCode();
                if (user == null) {
                    assertThat(status).as(what).isEqualTo(302);
                } else if (page.allowed().contains(user)) {
                    assertThat(status).as(what).isNotIn(401, 403);
                } else {
                    assertThat(status).as(what).isEqualTo(403);
                }
            }
            if (user != null && !user.equals("department-head")) {
                browser.get("/login"); // a page with the form's token
                String before = fingerprint();
                assertThat(browser.post("/kerja/program/" + open.getId() + "/jadwal", Map.of("gelombang", String.valueOf(batch),
                        "mulai", open.getBatches().get(0).getStartDate().plusDays(7).toString(), "alasan", "x"), true).statusCode())
                        .as("POST moving a batch as " + user).isEqualTo(403);
                assertThat(fingerprint()).isEqualTo(before);
            }
            if (user != null && !user.equals("staff")) {
                browser.get("/login"); // a page with the form's token
                String before = fingerprint();
                assertThat(browser.post(sheet + "/1", Map.of("hadir", "1"), true).statusCode())
                        .as("POST the attendance sheet as " + user).isEqualTo(403);
                assertThat(browser.post(sheet.replace("/kehadiran", "/selesai"), Map.of("yakin", "ya", "alasan", "x"), true)
                        .statusCode()).as("POST closing the batch as " + user).isEqualTo(403);
                assertThat(browser.post("/kerja/usulan", Map.of("judul", "x", "aksi", "simpan"), true).statusCode())
                        .as("POST a proposal as " + user).isEqualTo(403);
                if (!user.equals("admin")) {
                    assertThat(browser.post("/kerja/anggaran/" + line.getId() + "/pagu", Map.of("pagu", "1", "alasan", "x"), true)
                            .statusCode()).as("POST a ceiling as " + user).isEqualTo(403);
                }
                assertThat(fingerprint()).isEqualTo(before);
            }
        }
        // the control: the same form, with a token got the same way, moves the batch for the department head
        id.bimtek.support.PageBrowser head = new id.bimtek.support.PageBrowser(port).signIn("department-head");
        head.get("/login");
        assertThat(head.post("/kerja/program/" + open.getId() + "/jadwal", Map.of("gelombang", String.valueOf(batch),
                "mulai", open.getBatches().get(0).getStartDate().plusDays(7).toString(), "alasan", "Aula dipakai"), true)
                .statusCode()).isEqualTo(302);
        assertThat(lifecycle.program(open.getId()).getBatches().get(0).getStartDate())
                .isEqualTo(open.getBatches().get(0).getStartDate().plusDays(7));
    }

    private String runtimeVariables(String processInstanceId) {
        return jdbc.queryForObject("""
                select coalesce(string_agg(name_ || '=' || coalesce(text_, long_::text, ''), ',' order by name_), '')
                  from act_ru_variable where proc_inst_id_ = ?""", String.class, processInstanceId);
    }

    /** Everything a refused call could have touched. */
    private String fingerprint() {
        return jdbc.queryForObject("""
                select (select count(*) from budget_line) || '/' || (select coalesce(sum(committed), 0) from budget_line)
                    || '/' || (select coalesce(sum(ceiling), 0) from budget_line) || '/' || (select count(*) from budget_ceiling_change)
                    || '/' || (select count(*) || ':' || string_agg(status || version, ',' order by id) from program)
                    || '/' || (select count(*) || ':' || coalesce(sum(start_date - date '2000-01-01'), 0) from batch)
                    || '/' || (select count(*) from registration) || '/' || (select count(*) from import_run)
                    || '/' || (select count(*) from registration where status = 'WITHDRAWN')
                    || '/' || (select count(*) from decision) || '/' || (select count(*) from attendance)
                    || '/' || (select count(*) from follow_up_item) || '/' || (select count(*) from outcome)
                    || '/' || (select count(*) from delegation) || '/' || (select count(*) from instructor)
                    || '/' || (select count(*) from certificate where withdrawn_at is not null)
                    || '/' || (select count(*) from act_ru_task)
                    || '/' || (select count(*) from act_ru_execution)""", String.class);
    }

    private Map<String, Object> proposal(BudgetLine line) {
        java.time.LocalDate start = id.bimtek.support.Lifecycle.firstSessionDay();
        return Map.of("title", "Bimtek Menjahit", "kind", "BIMTEK", "agency", "Disperindakop dan UKM Kota Tangerang",
                "budgetLineCode", line.getCode(), "fiscalYear", id.bimtek.support.Lifecycle.firstSessionDay().getYear(),
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7).withNano(0).toString(),
                "minimumParticipants", 1, "tracks", List.of("APPAREL"),
                "batches", List.of(Map.of("name", "Gelombang 1", "track", "APPAREL", "startDate", start.toString(),
                        "endDate", start.plusDays(2).toString(), "venue", "SMKN 3", "mode", "OFFLINE", "quota", 39, "sessions", 3)),
                "budgetItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000)));
    }

    private static HttpEntity<byte[]> csv(CsvBody body, String user) {
        HttpHeaders headers = headers(user);
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return new HttpEntity<>(body.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return headers;
    }
}
