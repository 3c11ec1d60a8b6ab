package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The webapps and the engine's REST API keep the roles, and the community edition's known holes are closed. */
@LifecycleTest
class WebappSecurityTest {

    @Autowired AuthorizationService authorizations;
    @Autowired IdentityService identity;
    @Autowired Lifecycle lifecycle;
    @Autowired TestRestTemplate http;

    @Test
    void eachRoleReachesOnlyItsWebapps() {
        assertThat(can("staff", ACCESS, "tasklist")).isTrue();
        assertThat(can("department-head", ACCESS, "tasklist")).isTrue();
        assertThat(can("staff", ACCESS, "cockpit")).isFalse();
        assertThat(can("staff", ACCESS, "admin")).isFalse();
        assertThat(can("department-head", ACCESS, "admin")).isFalse();
        assertThat(can("auditor", ACCESS, "cockpit")).isTrue();
        assertThat(can("auditor", ACCESS, "tasklist")).isFalse();
        assertThat(can("admin", ACCESS, "admin")).isTrue();
        // the admin setup page stays closed: camunda-admin has a direct member
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
    }

    @Test
    void inTasklistOnlyTheTasksCandidateGroupMayWorkOnIt() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", Lifecycle.DIVISION_HEAD, "APPROVE", null);
        String task = lifecycle.task(program, "approveBudget").getId();
        // candidates work on a task (claim, complete); they do not reassign or change it
        assertThat(authorizations.isUserAuthorized("department-head", List.of("department-head"),
                org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK, TASK, task)).isTrue();
        assertThat(authorizations.isUserAuthorized("department-head", List.of("department-head"), UPDATE, TASK, task)).isFalse();
        assertThat(authorizations.isUserAuthorized("department-head", List.of("department-head"),
                org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN, TASK, task)).isFalse();
        assertThat(authorizations.isUserAuthorized("department-head", List.of("department-head"), READ, TASK, task)).isTrue();
        assertThat(authorizations.isUserAuthorized("staff", List.of("staff"), UPDATE, TASK, task)).isFalse();
        assertThat(authorizations.isUserAuthorized("staff", List.of("staff"), READ, TASK, task)).isFalse();
        assertThat(authorizations.isUserAuthorized("division-head", List.of("division-head"), UPDATE, TASK, task)).isFalse();
    }

    @Test
    void engineQueriesCarryingExpressionsAreRefused() {
        ResponseEntity<String> orQuery = post("/engine-rest/task", Map.of("orQueries",
                List.of(Map.of("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}"))));
        assertThat(orQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(orQuery.getBody()).contains("expressions");
        ResponseEntity<String> escaped = post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{1+1}\"}]}");
        assertThat(escaped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> inParameter = http.exchange(uri("/engine-rest/task?assigneeExpression=%23%7Bx%7D"), HttpMethod.GET,
                new HttpEntity<>(headers()), String.class);
        assertThat(inParameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // refused before the webapp's own login is even asked for
        ResponseEntity<String> webappApi = http.exchange(uri("/camunda/api/engine/engine/default/task?assigneeExpression=$%7Bx%7D"),
                HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        assertThat(webappApi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // an ordinary query still works, its body intact
        ResponseEntity<String> plain = post("/engine-rest/task", Map.of("candidateGroup", "department-head"));
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Sent as written: a URL template would encode the percent signs again. */
    private java.net.URI uri(String path) {
        return java.net.URI.create(http.getRootUri() + path);
    }

    private ResponseEntity<String> post(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), String.class);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("admin", "admin");
        return headers;
    }

    private boolean can(String user, org.camunda.bpm.engine.authorization.Permission permission, String application) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        return authorizations.isUserAuthorized(user, groups, permission, APPLICATION, application);
    }
}
