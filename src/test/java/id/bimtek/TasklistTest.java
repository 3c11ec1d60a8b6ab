package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.WebappSession;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Heads decide in Camunda Tasklist: the forms are deployed, show the programme, and the same rules hold. */
@LifecycleTest
class TasklistTest {

    @Autowired Lifecycle lifecycle;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired RepositoryService repository;
    @Autowired FilterService filters;
    @Autowired RuntimeService runtime;
    @Autowired DecisionLog decisions;
    @Autowired TestRestTemplate http;

    private static final String ENGINE = "/camunda/api/engine/engine/default/";

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void everyUserTaskHasADeployedCamundaFormAndTheRoleFiltersExist() {
        String deployment = repository.createProcessDefinitionQuery().processDefinitionKey("program-lifecycle")
                .latestVersion().singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deployment)).map(name -> name.replaceAll(".*/", ""))
                .contains("review-proposal.form", "approve-budget.form", "decide-undersubscription.form",
                        "approve-closing-report.form", "confirm-participants.form");
        assertThat(filters.createFilterQuery().filterName("Menunggu persetujuan saya").count()).isEqualTo(1);
        assertThat(filters.createFilterQuery().filterName("Tugas staf").count()).isEqualTo(1);
    }

    @Test
    void aHeadSeesTheProgrammeOnTheTaskAndDecidesThroughTasklistUnderTheSameRules() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Task review = lifecycle.task(program, "reviewProposal");
        assertThat(forms.getTaskFormData(review.getId()).getCamundaFormRef().getKey()).isEqualTo("review-proposal");
        // worked out when the form is read: the task itself carries only what Tasklist's list shows beside it
        assertThat(tasks.getVariablesLocal(review.getId())).containsOnlyKeys("programCode", "programTitle");
        Map<String, Object> shown = forms.getTaskFormVariables(review.getId());
        assertThat(shown).containsEntry("programCode", program.getCode())
                .containsEntry("programTitle", "Bimtek Pengembangan Produk Industri: Menjahit");
        assertThat((String) shown.get("programBudget")).contains("Honorarium instruktur").contains("Jumlah: Rp 24.600.000");
        assertThat((String) shown.get("programBatches")).contains("Gelombang 1").contains("SMKN 3 Kota Tangerang").contains("kuota 39");
        assertThat((String) shown.get("budgetLine")).contains("sisa Rp 500.000.000");

        // what Tasklist does: claim, then submit the form's fields
        tasks.claim(review.getId(), DIVISION_HEAD.id());
        // a user's mistake to the engine (which logs it quietly), with the refusal itself as its cause
        assertThatThrownBy(() -> forms.submitTaskForm(review.getId(), Map.of("decision", "REJECT")))
                .isInstanceOf(BadUserRequestException.class).hasCauseInstanceOf(ProblemException.class)
                .hasMessageContaining("a comment is required to REJECT");
        assertThatThrownBy(() -> forms.submitTaskForm(review.getId(), Map.of()))
                .hasMessageContaining("decision must be one of");
        assertThat(decisions.of(program.getId())).isEmpty();

        forms.submitTaskForm(review.getId(), Map.of("decision", "REVISE", "comment", "Perjelas jadwal"));
        Decision decision = decisions.of(program.getId()).get(0);
        assertThat(decision.getActor()).isEqualTo("division-head");
        assertThat(decision.getDecision()).isEqualTo("REVISE");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.REVISION_REQUIRED);
        assertThat(runtime.getVariables(program.getProcessInstanceId())).doesNotContainKeys("decision", "comment");

        // the next round's form starts empty: the earlier decision is not taken again
        Task revision = lifecycle.task(program, "reviseProposal");
        forms.submitTaskForm(revision.getId(), Map.of());
        Task secondReview = lifecycle.task(program, "reviewProposal");
        assertThat((String) forms.getTaskFormVariables(secondReview.getId()).get("earlierDecisions")).contains("Perjelas jadwal");
        tasks.claim(secondReview.getId(), DIVISION_HEAD.id());
        assertThatThrownBy(() -> tasks.complete(secondReview.getId())).hasMessageContaining("decision must be one of");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(program.getCode()).singleResult())
                .isWaitingAt("reviewProposal");
    }

    @Test
    void aDecisionTasklistSendsThatTheRulesRefuseIsAnsweredAsARefusalInBahasaIndonesia() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Task review = lifecycle.task(program, "reviewProposal");
        // as Tasklist sends it, through the webapps' engine API
        WebappSession head = WebappSession.login(http.getRootUri(), DIVISION_HEAD.id(), "tasklist");
        assertThat(head.json("POST", ENGINE + "task/" + review.getId() + "/claim", "{\"userId\":\"division-head\"}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> rejected = head.json("POST", ENGINE + "task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"REJECT\"}}}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.body()).contains("\"field\":\"comment\"")
                .contains("\"detail\":\"Isi Catatan: keputusan “ditolak” perlu alasannya")
                .doesNotContain("ENGINE-").doesNotContain("Cannot submit");
        HttpResponse<String> unknown = head.json("POST", ENGINE + "task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"SHRUG\"}}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Pilih salah satu Keputusan pada formulir ini: disetujui, dikembalikan untuk perbaikan, ditolak");
        // nothing of the attempts is kept: no decision, the task open and still the head's
        assertThat(decisions.of(program.getId())).isEmpty();
        assertThat(lifecycle.task(program, "reviewProposal").getAssignee()).isEqualTo(DIVISION_HEAD.id());

        // the same on /engine-rest (administrators only): the rules hold for them too, and say so as a refusal
        HttpHeaders admin = new HttpHeaders();
        admin.setBasicAuth("admin", "admin");
        admin.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> overRest = http.exchange("/engine-rest/task/" + review.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", admin), String.class);
        assertThat(overRest.getStatusCode().value()).as(overRest.getBody()).isEqualTo(403);
        assertThat(overRest.getBody()).contains("Tugas ini sedang dipegang").doesNotContain("ENGINE-");
        assertThat(decisions.of(program.getId())).isEmpty();

        HttpResponse<String> approved = head.json("POST", ENGINE + "task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("approveBudget");
    }

    @Test
    void theClosingReportTaskCannotBeCompletedWithoutAReport() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(java.time.Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", Lifecycle.STAFF, Map.of());
        lifecycle.complete(program, "recordAttendance", Lifecycle.STAFF,
                Map.of("unrecordedSessionsReason", "Daftar hadir kertas hilang; dicatat ulang di laporan"));
        Task report = lifecycle.task(program, "fileClosingReport");
        assertThatThrownBy(() -> tasks.complete(report.getId())).hasMessageContaining("file the closing report");
        lifecycle.resetClock();
    }
}
