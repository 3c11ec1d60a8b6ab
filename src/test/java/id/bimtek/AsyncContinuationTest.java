package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.DecisionLog;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With the production setting, what follows a user task runs in a job of its own: a technical failure
 * after a head's approval is retried, becomes an incident an operator can retry from Cockpit, and never
 * costs the approval. The tests' engine runs the process synchronously ({@code lifecycle.async-after-user-tasks:
 * false}); this test deploys, for its own duration, a version with every user task asynchronous after it, as
 * {@code EveryUserTask} makes it in production, and removes it afterwards.
 */
@LifecycleTest
class AsyncContinuationTest {

    @Autowired Lifecycle lifecycle;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired DecisionLog decisions;
    @Autowired JdbcTemplate jdbc;
    @Autowired id.bimtek.cancellation.CancellationService cancellation;

    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    private String deployment;

    @org.junit.jupiter.api.BeforeEach
    void deployWithAsynchronousContinuations() throws java.io.IOException {
        var builder = repository.createDeployment().name("asynchronous continuations (AsyncContinuationTest)");
        String bpmn = new String(getClass().getResourceAsStream("/bpmn/program-lifecycle.bpmn").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        builder.addString("program-lifecycle.bpmn", bpmn.replace("<bpmn:userTask id=", "<bpmn:userTask camunda:asyncAfter=\"true\" id="));
        for (String form : java.util.List.of("approve-budget", "approve-closing-report", "confirm-participants",
                "decide-undersubscription", "review-proposal")) {
            builder.addInputStream(form + ".form", getClass().getResourceAsStream("/bpmn/" + form + ".form"));
        }
        deployment = builder.deploy().getId();
    }

    @org.junit.jupiter.api.AfterEach
    void removeTheVersion() {
        repository.deleteDeployment(deployment, true);
    }

    @Test
    void aFailingStepAfterAnApprovalBecomesAnIncidentAndTheApprovalStands() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        assertThat(lifecycle.runAsyncSteps(program)).isEqualTo(1);
        assertThat(waitingAt(program)).contains("approveBudget");

        Job step;
        // the budget ledger is unreachable while the head approves (a database hiccup, a migration gone wrong)
        jdbc.execute("alter table budget_line rename to budget_line_unavailable");
        try {
            lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Disetujui");
            assertThat(decisions.of(program.getId())).filteredOn(d -> d.getTaskKey().equals("approveBudget"))
                    .singleElement().satisfies(d -> assertThat(d.getActor()).isEqualTo("department-head"));
            step = management.createJobQuery().processInstanceId(program.getProcessInstanceId()).messages().singleResult();
            for (int attempt = 0; attempt < 10 && retriesOf(step) > 0; attempt++) {
                String id = step.getId();
                assertThatThrownBy(() -> management.executeJob(id)).isNotNull();
            }
            assertThat(retriesOf(step)).isZero();
            Incident incident = runtime.createIncidentQuery().processInstanceId(program.getProcessInstanceId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getIncidentMessage()).contains("budget_line");
            assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.BUDGET_APPROVAL);
        } finally {
            jdbc.execute("alter table budget_line_unavailable rename to budget_line");
        }

        // waiting on the failed job, the programme is where the process is: the invariant holds with the incident open
        lifecycle.assertStatusesMatchProcesses();

        // the operator retries from Cockpit (which gives the job a retry and runs it): the programme goes on
        management.setJobRetries(step.getId(), 1);
        management.executeJob(step.getId());
        lifecycle.runAsyncSteps(program);
        assertThat(runtime.createIncidentQuery().processInstanceId(program.getProcessInstanceId()).count()).isZero();
        assertThat(waitingAt(program)).contains("registrationDeadline");
        Program open = lifecycle.program(program.getId());
        assertThat(open.getStatus()).isEqualTo(ProgramStatus.REGISTRATION_OPEN);
        assertThat(open.getCommittedAmount()).isEqualByComparingTo(open.requestedTotal());
        assertThat(decisions.of(program.getId())).filteredOn(d -> d.getTaskKey().equals("approveBudget")).hasSize(1);
        // the programme ends (cancelled) before its process version is removed with the test
        cancellation.requestCancellation(program.getId(), "Akhir skenario uji", DEPARTMENT_HEAD.id());
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.CANCELLED);
    }

    private java.util.List<String> waitingAt(Program program) {
        return runtime.getActiveActivityIds(program.getProcessInstanceId());
    }

    private int retriesOf(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult().getRetries();
    }
}
