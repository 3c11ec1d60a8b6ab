package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.FundingSource;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.ExpressionTripwire;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.WebappSession;
import id.bimtek.workflow.DecisionLog;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The findings of the security review, each tried the way an attacker with an ordinary account would:
 * through the webapps' session (with its XSRF token) and HTTP Basic on the APIs. Each failed on the code
 * before the fix.
 */
@LifecycleTest
class AttackTest {

    private static final String ENGINE = "/camunda/api/engine/engine/default/";
    private static final String TRIP = "${expressionTripwire.trip()}";

    @Autowired Lifecycle lifecycle;
    @Autowired ExpressionTripwire tripwire;
    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired ProgramService programs;
    @Autowired DecisionLog decisions;
    @Autowired id.bimtek.audit.AuditTrail trail;

    // 1. expressions from requests never run, whatever the surface or the encoding

    @Test
    void noExpressionFromARequestEverRuns() throws Exception {
        String plain = "{\"orQueries\":[{\"assigneeExpression\":\"" + TRIP + "\"}]}";
        String escaped = plain.replace("$", "\\u0024").replace("{e", "\\u007be");
        List<WebappSession> sessions = List.of(session("staff", "tasklist"), session("auditor", "cockpit"));
        for (WebappSession session : sessions) {
            for (String body : List.of(plain, escaped)) {
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                        Charset.forName("UTF-32"))) {
                    for (String type : List.of("application/json", "application/json;charset=" + charset.name(), "text/plain")) {
                        assertRefused(session.send("POST", ENGINE + "task", type, body.getBytes(charset)));
                    }
                }
                assertRefused(session.send("POST", ENGINE + "task", "application/json", gzip(body), "Content-Encoding", "gzip"));
            }
            assertRefused(session.get(ENGINE + "task?assigneeExpression=" + TRIP.replace("$", "%24").replace("{", "%7B")
                    .replace("}", "%7D")));
        }
        // the administrators' /engine-rest too
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE)) {
            HttpHeaders headers = basic("admin");
            headers.set("Content-Type", "application/json");
            ResponseEntity<String> answer = http.exchange(URI.create(http.getRootUri() + "/engine-rest/task"), HttpMethod.POST,
                    new HttpEntity<>(escaped.getBytes(charset), headers), String.class);
            assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
        }
        // and inside the engine, whoever asks: a stored filter, a query through the Java API
        Filter filter = filters.saveFilter(filters.newTaskFilter("trap").setQuery(tasks.createTaskQuery().taskAssigneeExpression(TRIP)));
        try {
            assertThatThrownBy(() -> filters.list(filter.getId())).hasStackTraceContaining("not evaluated in queries");
        } finally {
            filters.deleteFilter(filter.getId());
        }
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(TRIP).endOr().list())
                .hasStackTraceContaining("not evaluated in queries");
        assertThat(tripwire.runs()).isZero();
        // what Tasklist's filters use still works
        Filter mine = filters.saveFilter(filters.newTaskFilter("mine").setQuery(tasks.createTaskQuery()
                .dueBeforeExpression("${dateTime().plusDays(2)}").followUpAfterExpression("${now()}")));
        try {
            assertThat(filters.list(mine.getId())).isNotNull();
        } finally {
            filters.deleteFilter(mine.getId());
        }
    }

    // 2. variables decide nothing, and task holders cannot write them

    @Test
    void aTaskHolderCannotWriteVariablesReassignSignalOrCorrelate() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        Task task = lifecycle.task(program, "approveBudget");
        String instance = task.getProcessInstanceId();
        WebappSession head = session("department-head", "tasklist");
        assertThat(head.json("POST", ENGINE + "task/" + task.getId() + "/claim", "{\"userId\":\"department-head\"}").statusCode())
                .isEqualTo(204);
        Map<String, Object> before = runtime.getVariables(instance);

        List<HttpResponse<String>> attempts = List.of(
                head.json("POST", ENGINE + "task/" + task.getId() + "/variables",
                        "{\"modifications\":{\"secondApprovalRequired\":{\"value\":false,\"type\":\"Boolean\"}}}"),
                head.json("PUT", ENGINE + "task/" + task.getId() + "/variables/programId", "{\"value\":1,\"type\":\"Long\"}"),
                head.json("PUT", ENGINE + "task/" + task.getId() + "/localVariables/decision", "{\"value\":\"APPROVE\"}"),
                head.json("DELETE", ENGINE + "task/" + task.getId() + "/variables/programId", null),
                head.json("PUT", ENGINE + "process-instance/" + instance + "/variables/programId", "{\"value\":1,\"type\":\"Long\"}"),
                head.json("POST", ENGINE + "process-instance/" + instance + "/variables",
                        "{\"modifications\":{\"totalAmount\":{\"value\":1,\"type\":\"Long\"}}}"),
                head.json("POST", ENGINE + "signal", "{\"name\":\"anything\"}"),
                head.json("POST", ENGINE + "message", "{\"messageName\":\"ProgramCancellationRequested\",\"businessKey\":\""
                        + program.getCode() + "\"}"),
                head.json("POST", ENGINE + "task/" + task.getId() + "/assignee", "{\"userId\":\"staff\"}"),
                head.json("POST", ENGINE + "task/" + task.getId() + "/delegate", "{\"userId\":\"staff\"}"),
                head.json("POST", ENGINE + "task/" + task.getId() + "/identity-links", "{\"groupId\":\"staff\",\"type\":\"candidate\"}"),
                head.json("POST", ENGINE + "process-instance/" + instance + "/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"commitBudget\"}]}"),
                head.json("POST", ENGINE + "task/" + task.getId() + "/submit-form", "{\"variables\":{"
                        + "\"decision\":{\"value\":\"APPROVE\"},\"secondApprovalRequired\":{\"value\":false}}}"),
                head.json("POST", ENGINE + "task/" + task.getId() + "/complete", "{\"variables\":{"
                        + "\"decision\":{\"value\":\"APPROVE\"},\"programId\":{\"value\":1,\"type\":\"Long\"}}}"));
        for (HttpResponse<String> attempt : attempts) {
            assertThat(attempt.statusCode()).as(attempt.request().method() + " " + attempt.uri() + ": " + attempt.body())
                    .isEqualTo(403);
        }
        assertThat(attempts.get(12).body()).contains("variables.secondApprovalRequired");
        assertThat(runtime.getVariables(instance)).isEqualTo(before);
        assertThat(lifecycle.task(program, "approveBudget").getAssignee()).isEqualTo("department-head");
        assertThat(lifecycle.instanceOf(program)).isNotNull();

        // the form's own fields still complete it, as Tasklist sends them
        HttpResponse<String> approve = head.json("POST", ENGINE + "task/" + task.getId() + "/submit-form", "{\"variables\":{"
                + "\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"},\"comment\":{\"value\":\"Setuju\",\"type\":\"String\"}}}");
        assertThat(approve.statusCode()).as(approve.body()).isEqualTo(204);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("registrationDeadline");
    }

    @Test
    void secondApprovalAndItsChainComeFromTheDomainNotFromVariables() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000, FundingSource.APBN)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        String instance = lifecycle.instanceOf(program).getId();
        // whatever the variables say (written here with the engine's own API, as no user surface allows)
        runtime.setVariables(instance, Map.of("totalAmount", 1L, "fundingSource", "APBD", "secondApprovalRequired", false,
                "firstBudgetApprover", "someone-else"));
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("secondBudgetApproval");
        runtime.setVariable(instance, "firstBudgetApprover", "someone-else");
        assertThatThrownBy(() -> lifecycle.decide(program, "secondBudgetApproval", DEPARTMENT_HEAD, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        assertThat(decisions.of(program.getId())).extracting(d -> d.getTaskKey() + ":" + d.getActor())
                .contains("approveBudget:department-head").doesNotContain("secondBudgetApproval:department-head");
    }

    @Test
    void aVariableChangedThroughTheEngineApiIsInTheAuditTrail() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String instance = lifecycle.instanceOf(program).getId();
        identity.setAuthentication("admin", List.of("camunda-admin", "admin"));
        try {
            runtime.setVariable(instance, "totalAmount", 1L);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(trail.of(program.getId())).anySatisfy(record -> {
            assertThat(record.kind()).isEqualTo("VARIABLE_CHANGED");
            assertThat(record.actor()).isEqualTo("admin");
            assertThat(record.newValue()).contains("\"variable\":\"totalAmount\"").contains("\"value\":\"1\"");
        });
    }

    @Test
    void aTaskBelongsToTheProgrammeOfItsProcessWhateverItsVariablesSay() {
        Program open = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Program other = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(other, "reviewProposal", DIVISION_HEAD, "REVISE", "Lengkapi rincian");
        runtime.setVariable(lifecycle.instanceOf(other).getId(), "programId", open.getId());
        programs.submit(other.getId(), STAFF.id());
        assertThat(lifecycle.program(open.getId()).getStatus().name()).isEqualTo("REGISTRATION_OPEN");
        assertThat(lifecycle.program(other.getId()).getStatus().name()).isEqualTo("IN_REVIEW");
        assertThat(lifecycle.instanceOf(open)).isWaitingAt("registrationDeadline");
        lifecycle.assertStatusesMatchProcesses();
    }

    // 3. separation of duties, and nobody completes a task outside its role

    @Test
    void anApprovalHandedToSomeoneOutsideItsRoleCannotBeTaken() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        Task task = lifecycle.task(program, "approveBudget");
        // through the engine's own API, as an administrator could: the engine refuses the assignment itself
        assertThatThrownBy(() -> tasks.setAssignee(task.getId(), "staff")).hasRootCauseInstanceOf(ProblemException.class);
        assertThat(lifecycle.task(program, "approveBudget").getAssignee()).isNull();
        // through the project's API
        assertThatThrownBy(() -> lifecycle.decide(program, "approveBudget", STAFF, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        // through Tasklist: staff cannot claim it, nor complete it
        WebappSession staff = session("staff", "tasklist");
        assertThat(staff.json("POST", ENGINE + "task/" + task.getId() + "/claim", "{\"userId\":\"staff\"}").statusCode())
                .isEqualTo(403);
        assertThat(staff.json("POST", ENGINE + "task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").statusCode()).isEqualTo(403);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("approveBudget");
    }

    @Test
    void nobodyApprovesWhatTheyProposedOrEdited() {
        user("kepala-ganda", "staff", "department-head");
        CurrentUser author = new CurrentUser("kepala-ganda", List.of("staff", "department-head"));
        var line = lifecycle.budgetLine(500_000_000);
        Program draft = programs.create(lifecycle.sewingBimtek(line), author.id());
        programs.submit(draft.getId(), author.id());
        lifecycle.decide(draft, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        assertThatThrownBy(() -> lifecycle.decide(draft, "approveBudget", author, "APPROVE", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("separation of duties"));
        WebappSession session = session("kepala-ganda", "tasklist");
        Task task = lifecycle.task(draft, "approveBudget");
        // refused by the engine's listener, answered as the refusal it is (not a 500), in the head's language
        HttpResponse<String> claim = session.json("POST", ENGINE + "task/" + task.getId() + "/claim", "{\"userId\":\"kepala-ganda\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("Pemisahan tugas:").doesNotContain("ENGINE-");
        assertThat(lifecycle.task(draft, "approveBudget").getAssignee()).isNull();
        assertThat(lifecycle.instanceOf(draft)).isWaitingAt("approveBudget");
        lifecycle.decide(draft, "approveBudget", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(draft)).isWaitingAt("registrationDeadline");
    }

    @Test
    void aDraftBelongsToItsAuthor() {
        user("staff2", "staff");
        var line = lifecycle.budgetLine(500_000_000);
        Program draft = programs.create(lifecycle.sewingBimtek(line), STAFF.id());
        assertThatThrownBy(() -> programs.update(draft.getId(), lifecycle.sewingBimtek(line), "staff2"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        ResponseEntity<String> submit = http.exchange("/api/programs/" + draft.getId() + "/submit", HttpMethod.POST,
                new HttpEntity<>(basic("staff2")), String.class);
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(lifecycle.program(draft.getId()).getStatus().name()).isEqualTo("DRAFT");
        ResponseEntity<String> read = http.exchange("/api/programs/" + draft.getId(), HttpMethod.GET,
                new HttpEntity<>(basic("staff2")), String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // 4. wrong passwords slow a guesser down; they never lock an account for good

    @Test
    void wrongPasswordsNeverLockAnAccountForGood() {
        user("kepala-cadangan", "department-head");
        HttpHeaders wrong = new HttpHeaders();
        wrong.setBasicAuth("kepala-cadangan", "salah");
        for (int i = 0; i < 15; i++) {
            assertThat(http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(wrong), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(basic("kepala-cadangan")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identity.checkPassword("kepala-cadangan", "kepala-cadangan")).isTrue();
    }

    // 5. applicants' secrets stay with the applicant

    @Test
    void referencesAreNeverShownToTheOfficeAndNiksOnlyToThoseWhoNeedThem() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        var first = lifecycle.register(program, "Siti Aminah");
        var second = lifecycle.register(program, "Dewi Lestari");
        String path = "/api/programs/" + program.getId() + "/registrations";
        for (String user : List.of("staff", "department-head", "auditor")) {
            ResponseEntity<String> list = http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), String.class);
            assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(list.getBody()).doesNotContain(first.reference()).doesNotContain("\"reference\"");
            if (!user.equals("department-head")) {
                assertThat(list.getBody()).contains(first.nik());
            } else {
                assertThat(list.getBody()).doesNotContain(first.nik()).contains(first.nik().substring(0, 4) + "********");
            }
        }
        // a wrong NIK and a wrong reference are answered alike, and so is a proof of nobody at all; no registration id
        // is in the path to guess
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        List<ResponseEntity<String>> answers = List.of(
                http.exchange(path + "/withdraw", HttpMethod.POST,
                        new HttpEntity<>(Map.of("nik", Lifecycle.nextNik(), "reference", first.reference()), json), String.class),
                http.exchange(path + "/withdraw", HttpMethod.POST,
                        new HttpEntity<>(Map.of("nik", first.nik(), "reference", second.reference()), json), String.class),
                http.exchange(path + "/withdraw", HttpMethod.POST,
                        new HttpEntity<>(Map.of("nik", Lifecycle.nextNik(), "reference", "AAAAA-AAAAA"), json), String.class));
        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().replaceAll("\"instance\":\"[^\"]*\"", ""))
                    .isEqualTo(answers.get(0).getBody().replaceAll("\"instance\":\"[^\"]*\"", ""));
        }
        // the applicant, who holds both, withdraws; the seat offer that follows is named by id, not reference
        assertThat(http.exchange(path + "/withdraw", HttpMethod.POST,
                new HttpEntity<>(Map.of("nik", first.nik(), "reference", first.reference()), json), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lifecycle.runningSeatOffers(program)).containsExactly("pendaftaran-" + second.id());
        ResponseEntity<String> trail = http.exchange("/api/programs/" + program.getId() + "/audit", HttpMethod.GET,
                new HttpEntity<>(basic("auditor")), String.class);
        assertThat(trail.getBody()).doesNotContain(first.reference()).doesNotContain(second.reference());
    }

    // 7. an answer is never lost: the same submission sent again gets the first answer

    @Test
    void aResentRegistrationGetsTheFirstAnswerAndOnlyItsSenderDoes() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String path = "/api/programs/" + program.getId() + "/registrations";
        var applicant = Lifecycle.applicant("Siti Aminah", "Gelombang 1");
        String key = java.util.UUID.randomUUID().toString();
        HttpHeaders withKey = new HttpHeaders();
        withKey.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        withKey.set("Idempotency-Key", key);
        // eight sendings of one submission at once (a phone retrying over a bad connection): one registration
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> sendings = new java.util.ArrayList<>();
        var start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            sendings.add(pool.submit(() -> {
                start.await();
                return http.exchange(path, HttpMethod.POST, new HttpEntity<>(applicant, withKey),
                        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
            }));
        }
        start.countDown();
        java.util.Set<Object> ids = new java.util.HashSet<>();
        java.util.Set<Object> references = new java.util.HashSet<>();
        int created = 0;
        for (var sending : sendings) {
            ResponseEntity<Map<String, Object>> answer = sending.get();
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isIn(200, 201);
            created += answer.getStatusCode().value() == 201 ? 1 : 0;
            ids.add(answer.getBody().get("id"));
            references.add(answer.getBody().get("reference"));
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        assertThat(references).hasSize(1).doesNotContainNull();
        // someone who knows only the NIK learns nothing: no key, or another key, is the old refusal
        HttpHeaders otherKey = new HttpHeaders();
        otherKey.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        otherKey.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
        ResponseEntity<String> guess = http.exchange(path, HttpMethod.POST, new HttpEntity<>(applicant, otherKey), String.class);
        assertThat(guess.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(guess.getBody()).doesNotContain((String) references.iterator().next());
        assertThat(lifecycle.program(program.getId())).isNotNull();
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic("staff")), String.class).getBody())
                .containsOnlyOnce("\"name\":\"Siti Aminah\"");
    }

    // 6. small holes: formulas in exports, control characters, parser messages

    @Test
    void textThatASpreadsheetWouldRunIsExportedInert() {
        var line = lifecycle.budgetLine(500_000_000);
        var request = lifecycle.sewingBimtek(line);
        Program program = programs.create(new id.bimtek.proposal.ProgramRequest("=HYPERLINK(\"http://x\",\"klik\")", request.kind(),
                request.agency(), request.regionCode(), request.budgetLineCode(), request.fiscalYear(),
                request.registrationDeadline(), request.minimumParticipants(), request.completionThresholdPercent(),
                request.followUpRounds(), request.tracks(), request.batches(), request.budgetItems(), request.allocationMode(),
                request.seatOfferTime()), STAFF.id());
        ResponseEntity<String> csv = http.exchange("/api/programs/" + program.getId() + "/audit.csv", HttpMethod.GET,
                new HttpEntity<>(basic("auditor")), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aControlCharacterInANameIsABadRequestNamingTheField() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var applicant = Lifecycle.applicant("Siti\u0000Aminah", "Gelombang 1");
        ResponseEntity<String> answer = http.exchange("/api/programs/" + program.getId() + "/registrations", HttpMethod.POST,
                new HttpEntity<>(applicant, json), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("name");
        assertThat(lifecycle.program(program.getId())).isNotNull();
    }

    @Test
    void theProjectsPagesCarrySecurityHeadersAndASameSiteCookie() {
        for (String page : List.of("/daftar", "/login", "/audit")) {
            ResponseEntity<String> answer = http.exchange(page, HttpMethod.GET, HttpEntity.EMPTY, String.class);
            HttpHeaders headers = answer.getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(page).contains("default-src 'self'")
                    .contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(page).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(page).isEqualTo("same-origin");
        }
        ResponseEntity<String> form = http.exchange("/daftar/" + lifecycle.approved(lifecycle.sewingBimtek(
                lifecycle.budgetLine(500_000_000))).getId(), HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(form.getHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .contains("SameSite=Lax").contains("HttpOnly"));

        // an applicant's API request: the security headers, and no session (applicants never have one)
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> registration = http.exchange("/api/programs/" + lifecycle.approved(lifecycle.sewingBimtek(
                        lifecycle.budgetLine(500_000_000))).getId() + "/registrations", HttpMethod.POST,
                new HttpEntity<>(Lifecycle.applicant("Siti Aminah", "Gelombang 1"), json), String.class);
        assertThat(registration.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registration.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(registration.getHeaders().get("Set-Cookie")).isNull();
    }

    // 6. the webapps' plugin APIs keep to their roles, and malformed paths are a plain 400

    @Test
    void pluginApisKeepToTheirRolesAndMalformedPathsAreRefused() {
        WebappSession staff = session("staff", "tasklist");
        assertThat(staff.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode()).isEqualTo(403);
        assertThat(staff.get("/camunda/api/admin/plugin/adminPlugins/default/users").statusCode()).isEqualTo(403);
        assertThat(staff.json("POST", "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"evil\"},\"credentials\":{\"password\":\"evil\"}}").statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("evil").count()).isZero();
        WebappSession auditor = session("auditor", "cockpit");
        assertThat(auditor.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode()).isEqualTo(200);
        for (String path : List.of(ENGINE + "task/%zz", ENGINE + "task/%", ENGINE + "task/a%2Fb", ENGINE + "task;x=1",
                "/engine-rest/task/%zz", "/engine-rest/task/%c0%af")) {
            String answer = rawGet(path);
            // the container refuses some itself, the firewall the rest: never a stack trace or a 500
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    /** A request no HTTP client library would send: its path is malformed on purpose. */
    private String rawGet(String path) {
        URI root = URI.create(http.getRootUri());
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebappSession session(String user, String app) {
        return WebappSession.login(http.getRootUri(), user, app);
    }

    private void user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Uji");
        user.setPassword(id);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }

    private static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return headers;
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.request().uri() + ": " + answer.body()).isBetween(400, 499);
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
