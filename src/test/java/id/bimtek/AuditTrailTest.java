package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.bimtek.audit.AuditTrail;
import id.bimtek.cancellation.CancellationService;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramService;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.workflow.Decision;
import id.bimtek.workflow.DecisionLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail is complete, append-only, and shows any change made behind the application's back. */
@LifecycleTest
class AuditTrailTest {

    @Autowired Lifecycle lifecycle;
    @Autowired AuditTrail audit;
    @Autowired DecisionLog decisions;
    @Autowired HistoryService history;
    @Autowired ProgramService programs;
    @Autowired RegistrationService registrations;
    @Autowired id.bimtek.registration.SeatOffers seatOffers;
    @Autowired AttendanceService attendance;
    @Autowired CancellationService cancellation;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void everyDecisionTaskCompletionAndDomainChangeIsInTheTrailWithItsActor() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "REVISE", "Tambah kuota");
        programs.update(program.getId(), lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 12_000_000), STAFF.id());
        programs.submit(program.getId(), STAFF.id());
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", null);
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Setuju");
        RegistrationView first = lifecycle.register(program, "Siti Aminah");
        lifecycle.register(program, "Dewi Lestari");
        RegistrationView third = lifecycle.register(program, "Rina Wati");
        assertThatThrownBy(() -> registrations.register(program.getId(), new id.bimtek.registration.RegistrationRequest(
                first.nik(), "Siti", "Konveksi", "APPAREL", "Cibodas", "081212345678", "Gelombang 1")))
                .isInstanceOf(ProblemException.class);
        registrations.withdraw(program.getId(), first.id(), first.nik(), first.reference());
        seatOffers.accept(program.getId(), third.id(), third.nik(), third.reference());
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = lifecycle.program(program.getId()).getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        attendance.record(program.getId(), batch, 1, List.of(third.id()), STAFF.id());
        lifecycle.complete(program, "recordAttendance", STAFF,
                Map.of("unrecordedSessionsReason", "Sesi 2 dan 3 ditunda karena banjir"));
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of("realisedItems",
                List.of(Map.of("description", "Honorarium instruktur", "amount", 11_000_000))));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);

        List<AuditTrail.Record> trail = audit.of(program.getId());
        // every decision, by its actor
        for (Decision decision : decisions.of(program.getId())) {
            assertThat(trail).as("decision %s", decision.getDecision()).anySatisfy(record -> {
                assertThat(record.kind()).isEqualTo("DECISION");
                assertThat(record.actor()).isEqualTo(decision.getActor());
                assertThat(record.detail()).startsWith(decision.getDecision());
            });
        }
        // every task completion, by whoever completed it
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceId(program.getProcessInstanceId()).finished().list();
        assertThat(done).isNotEmpty();
        for (HistoricTaskInstance task : done) {
            assertThat(trail).as("completion of %s", task.getName()).anySatisfy(record -> {
                assertThat(record.kind()).isEqualTo("TASK_COMPLETED");
                assertThat(record.newValue()).contains(task.getId());
                assertThat(record.actor()).isEqualTo(task.getAssignee());
            });
        }
        assertThat(trail).filteredOn(r -> r.kind().equals("PROPOSAL_CHANGED")).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("staff");
            assertThat(r.oldValue()).contains("\"requestedTotal\":\"10000000.00\"");
            assertThat(r.newValue()).contains("\"requestedTotal\":\"12000000.00\"");
        });
        assertThat(trail).extracting(AuditTrail.Record::kind).contains("PROPOSAL_CREATED", "STATUS_CHANGED",
                "BUDGET_COMMIT", "REGISTRATION_REGISTERED", "REGISTRATION_WAITLISTED", "REGISTRATION_REFUSED",
                "REGISTRATION_WITHDRAWN", "SEAT_OFFERED", "SEAT_OFFER_ACCEPTED", "PARTICIPANTS_CONFIRMED", "ATTENDANCE_RECORDED",
                "COMPLETION_ASSESSED", "CLOSING_REPORT_FILED", "BUDGET_REALISE", "BUDGET_RELEASE", "TASK_CREATED");
        // the engine's steps, with start and end, the user's among them under the user who set them off
        assertThat(trail).filteredOn(r -> r.kind().equals("ACTIVITY_ENDED")).extracting(AuditTrail.Record::subject)
                .contains("Validate proposal", "Determine budget approval chain", "Commit budget on the line",
                        "Registration deadline", "Assess completion, issue certificates");
        assertThat(trail).filteredOn(r -> r.kind().equals("ACTIVITY_STARTED") && "Commit budget on the line".equals(r.subject()))
                .singleElement().satisfies(r -> assertThat(r.actor()).isEqualTo("department-head"));
        assertThat(trail).filteredOn(r -> r.kind().equals("REGISTRATION_WAITLISTED")).first()
                .satisfies(r -> assertThat(r.detail()).contains("aturan gelombang penuh"));
        assertThat(trail).filteredOn(r -> r.kind().equals("STATUS_CHANGED")).extracting(AuditTrail.Record::detail)
                .contains("DRAFT -> SUBMITTED", "IN_REVIEW -> REVISION_REQUIRED", "BUDGET_APPROVAL -> REGISTRATION_OPEN",
                        "CLOSING_APPROVAL -> FOLLOW_UP");
        assertThat(audit.verify(program.getId()).valid()).isTrue();
    }

    @Test
    void aCancellationIsInTheTrailWithTheWithdrawnTasks() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertThat(audit.of(program.getId())).extracting(AuditTrail.Record::kind)
                .contains("DECISION", "TASK_WITHDRAWN", "REGISTRATIONS_CANCELLED", "STATUS_CHANGED");
        assertThat(audit.of(program.getId())).filteredOn(r -> r.kind().equals("STATUS_CHANGED")).last()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("IN_REVIEW -> CANCELLED"));
    }

    @Test
    void recordsCannotBeChangedOrDeletedAndAChangeBehindTheApplicationsBackIsFound() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        List<AuditTrail.Record> trail = audit.of(program.getId());
        AuditTrail.Record decision = trail.stream().filter(r -> r.kind().equals("DECISION")).findFirst().orElseThrow();

        assertThatThrownBy(() -> jdbc.update("update audit_record set detail = 'REJECT' where id = ?", decision.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where id = ?", decision.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_record")).hasMessageContaining("append-only");
        for (String user : List.of("admin", "auditor")) {
            for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PATCH)) {
                HttpHeaders headers = new HttpHeaders();
                headers.setBasicAuth(user, user);
                assertThat(http.exchange("/api/programs/" + program.getId() + "/audit", method, new HttpEntity<>("{}", headers),
                        String.class).getStatusCode()).as("%s %s", method, user).isIn(HttpStatus.FORBIDDEN, HttpStatus.METHOD_NOT_ALLOWED);
            }
        }
        assertThat(audit.verify(program.getId()).valid()).isTrue();

        // someone with the database's owner rights goes around the trigger
        jdbc.execute("alter table audit_record disable trigger audit_record_no_update");
        try {
            jdbc.update("update audit_record set detail = 'REJECT: tidak layak' where id = ?", decision.id());
            AuditTrail.Verification verification = audit.verify(program.getId());
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBadSeq()).isEqualTo(decision.seq());
            assertThat(verification.firstBadId()).isEqualTo(decision.id());
            jdbc.update("update audit_record set detail = ? where id = ?", decision.detail(), decision.id());
        } finally {
            jdbc.execute("alter table audit_record enable trigger audit_record_no_update");
        }
        assertThat(audit.verify(program.getId()).valid()).isTrue();
    }

    @Test
    void recordsAreWrittenWithTheirTransactionReadBackInItAndGoneWithItsRollback() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Program other = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        int before = audit.of(program.getId()).size();
        int otherBefore = audit.of(other.getId()).size();
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        AuditTrail.Entry note = AuditTrail.Stage.REVIEW.entry("NOTE", "staff").on(program.getCode());

        // appended in the order given, across two programmes' chains; whoever reads the trail inside sees them
        inTransaction.executeWithoutResult(status -> {
            audit.append(program.getId(), note.saying("satu"));
            audit.append(other.getId(), note.saying("untuk program lain"));
            audit.appendAll(program.getId(), List.of(note.saying("dua"), note.saying("tiga")));
            assertThat(audit.of(program.getId())).hasSize(before + 3);
            audit.append(program.getId(), note.saying("empat"));
        });
        assertThat(audit.of(program.getId()).subList(before, before + 4)).extracting(AuditTrail.Record::detail)
                .containsExactly("satu", "dua", "tiga", "empat");
        assertThat(audit.of(other.getId())).hasSize(otherBefore + 1);
        assertThat(audit.verify(program.getId()).valid()).isTrue();
        assertThat(audit.verify(other.getId()).valid()).isTrue();

        // a transaction that rolls back leaves neither its records nor a moved chain head
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
            audit.append(program.getId(), note.saying("dibatalkan"));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(audit.of(program.getId())).hasSize(before + 4);
        inTransaction.executeWithoutResult(status -> audit.append(program.getId(), note.saying("lima")));
        assertThat(audit.verify(program.getId()).valid()).isTrue();
        assertThat(audit.of(program.getId()).get(before + 4).seq()).isEqualTo(before + 5);
    }

    @Test
    void aVerificationWhileRecordsAreAppendedNeverTakesTheNewOnesForARemoval() throws Exception {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        java.util.concurrent.atomic.AtomicBoolean appending = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.Future<?> appender = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> {
            try {
                for (int i = 0; i < 300; i++) {
                    int note = i;
                    inTransaction.executeWithoutResult(status -> audit.append(program.getId(),
                            AuditTrail.Stage.REVIEW.entry("NOTE", "staff").on(program.getCode()).saying("catatan " + note)));
                }
            } finally {
                appending.set(false);
            }
        });
        int verified = 0;
        while (appending.get()) {
            // the records and the chain's head come from one snapshot: one appended between the two reads is not "removed"
            AuditTrail.Verification verification = audit.verify(program.getId());
            assertThat(verification.valid()).as("%s", verification).isTrue();
            verified++;
        }
        appender.get();
        assertThat(verified).isPositive();
        assertThat(audit.verified(program.getId()).verification().records()).isEqualTo(audit.of(program.getId()).size());
    }
}
