package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.cancellation.CancellationService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.workflow.SeatOfferProcess;
import id.bimtek.registration.SeatOffers;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A withdrawal offers the freed seat to the first waitlisted applicant, who has the offer time to accept it. */
@LifecycleTest
class SeatOfferTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired SeatOffers seatOffers;
    @Autowired CancellationService cancellation;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void aWithdrawalOffersTheSeatAndAcceptingItRegisters() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        lifecycle.register(program, "Dewi Lestari");
        RegistrationView firstInLine = lifecycle.register(program, "Rina Wati");
        RegistrationView secondInLine = lifecycle.register(program, "Ahmad Fauzi");

        Instant before = ClockUtil.getCurrentTime().toInstant();
        registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());
        RegistrationView offered = registrations.view(program.getId(), firstInLine.id());
        assertThat(offered.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(offered.waitlistPosition()).isNull();
        assertThat(offered.offerExpiresAt()).isBetween(before.plus(Duration.ofHours(48)).minusSeconds(1),
                ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(48)).plusSeconds(1));
        assertThat(registrations.view(program.getId(), secondInLine.id()).waitlistPosition()).isEqualTo(1);
        // the trail says it in words: the rule, until when (in WIB) and the offer time as set
        assertThat(audit.of(program.getId())).filteredOn(r -> r.kind().equals("SEAT_OFFERED")).singleElement()
                .satisfies(r -> assertThat(r.detail()).startsWith("aturan urutan daftar tunggu: ")
                        .endsWith(" sampai " + Wib.toTheMinute(offered.offerExpiresAt()) + " (48 jam)"));
        // the offered applicant holds the seat
        assertThat(seatsTaken(program)).isEqualTo(2);
        ProcessInstance offer = runningOffer(firstInLine);
        assertThat(offer).isWaitingAt("awaitAnswer");
        assertThat(runtime.getVariables(offer.getId())).containsEntry(SeatOfferProcess.REGISTRATION_ID, firstInLine.id())
                .containsEntry(SeatOfferProcess.PROGRAM_ID, program.getId())
                .containsEntry(SeatOfferProcess.OFFER_TIME, "PT48H");

        // anonymous, over HTTP, proving the registration is theirs
        String path = "/api/programs/" + program.getId() + "/registrations";
        ResponseEntity<Map<String, Object>> wrongNik = http.exchange(path + "/accept-offer", HttpMethod.POST,
                new HttpEntity<>(Map.of("nik", Lifecycle.nextNik(), "reference", firstInLine.reference())), OBJECT);
        assertThat(wrongNik.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongNik.getBody()).containsEntry("detail", "no registration matches this NIK and reference");
        ResponseEntity<Map<String, Object>> accepted = http.exchange(path + "/accept-offer", HttpMethod.POST,
                new HttpEntity<>(Map.of("nik", firstInLine.nik(), "reference", firstInLine.reference())), OBJECT);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("status", "REGISTERED").doesNotContainKey("offerExpiresAt");

        assertThat(endedOffer(firstInLine).getEndActivityId()).isEqualTo("seatTaken");
        assertThat(seatsTaken(program)).isEqualTo(2);
        assertThat(kinds(program)).containsSubsequence("REGISTRATION_WITHDRAWN", "SEAT_OFFERED", "SEAT_OFFER_ACCEPTED");

        // the offer has ended: a second answer is refused and changes nothing
        ResponseEntity<Map<String, Object>> again = http.exchange(path + "/decline-offer", HttpMethod.POST,
                new HttpEntity<>(Map.of("nik", firstInLine.nik(), "reference", firstInLine.reference())), OBJECT);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("field", "status");
        assertThat(registrations.view(program.getId(), firstInLine.id()).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    @Test
    void anUnansweredOfferExpiresAfter48HoursAndPassesToTheNextThenADeclineFreesTheSeat() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        RegistrationView slow = lifecycle.register(program, "Dewi Lestari");
        RegistrationView next = lifecycle.register(program, "Rina Wati");
        registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());

        lifecycle.passTime(Duration.ofHours(47));
        assertThat(registrations.view(program.getId(), slow.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        lifecycle.passTime(Duration.ofHours(2));
        assertThat(registrations.view(program.getId(), slow.id()).status()).isEqualTo(RegistrationStatus.OFFER_EXPIRED);
        assertThat(endedOffer(slow).getEndActivityId()).isEqualTo("offerExpired");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(endedOffer(slow).getId())
                .activityId("expireOffer").finished().count()).isEqualTo(1);
        assertThat(registrations.view(program.getId(), next.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(runningOffer(next)).isWaitingAt("awaitAnswer");
        assertThat(seatsTaken(program)).isEqualTo(1);
        assertThatThrownBy(() -> seatOffers.accept(program.getId(), slow.id(), slow.nik(), slow.reference()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("status");
                });

        // nobody waits behind the one who declines: the seat is freed
        seatOffers.decline(program.getId(), next.id(), next.nik(), next.reference());
        assertThat(registrations.view(program.getId(), next.id()).status()).isEqualTo(RegistrationStatus.OFFER_DECLINED);
        assertThat(endedOffer(next).getEndActivityId()).isEqualTo("seatPassedOn");
        assertThat(seatsTaken(program)).isZero();
        assertThat(lifecycle.runningSeatOffers(program)).isEmpty();
        assertThat(kinds(program)).containsSubsequence("SEAT_OFFERED", "SEAT_OFFER_EXPIRED", "SEAT_OFFERED",
                "SEAT_OFFER_DECLINED", "SEAT_FREED");
        assertThat(audit.verify(program.getId()).valid()).isTrue();
    }

    @Test
    void withdrawingWhileOfferedDeclinesAndTheNextIsOffered() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        RegistrationView offered = lifecycle.register(program, "Dewi Lestari");
        RegistrationView next = lifecycle.register(program, "Rina Wati");
        registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());

        RegistrationView withdrawn = registrations.withdraw(program.getId(), offered.id(), offered.nik(), offered.reference());
        assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.OFFER_DECLINED);
        assertThat(endedOffer(offered).getEndActivityId()).isEqualTo("seatPassedOn");
        assertThat(registrations.view(program.getId(), next.id()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(seatsTaken(program)).isEqualTo(1);
    }

    @Test
    void theOfferTimeIsSetPerProgrammeAndCheckedOnCreation() {
        ProgramRequest twoHours = withSeatOfferTime(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000), "PT2H");
        Program program = lifecycle.approved(twoHours);
        assertThat(program.getSeatOfferTime()).isEqualTo("PT2H");
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        RegistrationView offered = lifecycle.register(program, "Dewi Lestari");
        registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());
        assertThat(registrations.view(program.getId(), offered.id()).offerExpiresAt())
                .isBefore(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2)).plusSeconds(1));
        lifecycle.passTime(Duration.ofHours(2).plusMinutes(1));
        assertThat(registrations.view(program.getId(), offered.id()).status()).isEqualTo(RegistrationStatus.OFFER_EXPIRED);
        assertThat(seatsTaken(program)).isZero();

        // a staff member's proposal over the API: the default, and a time that is not a duration
        String line = lifecycle.budgetLine(500_000_000).getCode();
        Map<String, Object> proposal = proposal(line, null);
        ResponseEntity<Map<String, Object>> created = http.withBasicAuth("staff", "staff")
                .exchange("/api/programs", HttpMethod.POST, new HttpEntity<>(proposal), OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("seatOfferTime", "PT48H");
        long programs = jdbc.queryForObject("select count(*) from program", Long.class);
        for (String bad : List.of("PT0S", "P-2D", "48 jam", "P20Y")) {
            ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("staff", "staff")
                    .exchange("/api/programs", HttpMethod.POST, new HttpEntity<>(proposal(line, bad)), OBJECT);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(bad).containsEntry("field", "seatOfferTime");
        }
        assertThat(jdbc.queryForObject("select count(*) from program", Long.class)).isEqualTo(programs);
        ResponseEntity<Map<String, Object>> changed = http.withBasicAuth("staff", "staff").exchange(
                "/api/programs/" + created.getBody().get("id"), HttpMethod.PUT, new HttpEntity<>(proposal(line, "P1D")), OBJECT);
        assertThat(changed.getBody()).containsEntry("seatOfferTime", "P1D");
    }

    @Test
    void confirmingTheListEndsOffersStillOpenAndAnAnswerAfterwardsIsRefused() {
        Program program = lifecycle.approved(withSeatOfferTime(
                lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 3, 1, 10_000_000), "P10D"));
        RegistrationView first = lifecycle.register(program, "Siti Aminah");
        RegistrationView second = lifecycle.register(program, "Dewi Lestari");
        RegistrationView staying = lifecycle.register(program, "Rina Wati");
        RegistrationView quick = lifecycle.register(program, "Ahmad Fauzi");
        RegistrationView silent = lifecycle.register(program, "Budi Santoso");
        RegistrationView waiting = lifecycle.register(program, "Nur Hidayah");
        registrations.withdraw(program.getId(), first.id(), first.nik(), first.reference());
        registrations.withdraw(program.getId(), second.id(), second.nik(), second.reference());

        // registration closes with both offers open; an answer is still taken until the list is confirmed
        lifecycle.passTime(Duration.ofDays(8));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");
        seatOffers.accept(program.getId(), quick.id(), quick.nik(), quick.reference());
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());

        assertThat(registrations.view(program.getId(), staying.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.view(program.getId(), quick.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.view(program.getId(), silent.id()).status()).isEqualTo(RegistrationStatus.NOT_SELECTED);
        assertThat(registrations.view(program.getId(), waiting.id()).status()).isEqualTo(RegistrationStatus.NOT_SELECTED);
        assertThat(endedOffer(silent).getEndActivityId()).isEqualTo("offerEndedUnanswered");
        assertThat(seatsTaken(program)).isEqualTo(2);
        assertThat(audit.of(program.getId())).filteredOn(r -> r.kind().equals("SEAT_OFFER_CLOSED")).singleElement()
                .satisfies(r -> {
                    assertThat(r.actor()).isEqualTo("staff");
                    assertThat(r.detail()).contains("daftar peserta ditetapkan");
                });
        assertThatThrownBy(() -> seatOffers.accept(program.getId(), silent.id(), silent.nik(), silent.reference()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
        // the offer's timer ended with its process
        assertThat(management.createJobQuery().processInstanceId(endedOffer(silent).getId()).count()).isZero();
    }

    @Test
    void cancellingTheProgrammeEndsOpenOffers() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        RegistrationView offered = lifecycle.register(program, "Dewi Lestari");
        RegistrationView waiting = lifecycle.register(program, "Rina Wati");
        registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());

        cancellation.requestCancellation(program.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        assertThat(registrations.view(program.getId(), offered.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.view(program.getId(), waiting.id()).status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(endedOffer(offered).getEndActivityId()).isEqualTo("offerEndedUnanswered");
        assertThat(seatsTaken(program)).isZero();
        assertThat(kinds(program)).contains("SEAT_OFFER_CLOSED", "REGISTRATIONS_CANCELLED");
    }

    @Test
    void aWithdrawalThatRollsBackStartsNoOffer() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        RegistrationView leaving = lifecycle.register(program, "Siti Aminah");
        RegistrationView waiting = lifecycle.register(program, "Dewi Lestari");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            registrations.withdraw(program.getId(), leaving.id(), leaving.nik(), leaving.reference());
            assertThat(lifecycle.runningSeatOffers(program)).containsExactly(SeatOfferProcess.businessKeyOf(waiting.id()));
            status.setRollbackOnly();
        });
        assertThat(lifecycle.runningSeatOffers(program)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .processInstanceBusinessKey(SeatOfferProcess.businessKeyOf(waiting.id())).count()).isZero();
        assertThat(registrations.view(program.getId(), waiting.id()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.view(program.getId(), leaving.id()).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    private ProcessInstance runningOffer(RegistrationView registration) {
        ProcessInstance offer = runtime.createProcessInstanceQuery().processDefinitionKey(SeatOfferProcess.PROCESS_KEY)
                .processInstanceBusinessKey(SeatOfferProcess.businessKeyOf(registration.id())).singleResult();
        assertThat(offer).as("running seat offer of %s", registration.reference()).isNotNull();
        return offer;
    }

    private HistoricProcessInstance endedOffer(RegistrationView registration) {
        HistoricProcessInstance offer = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(SeatOfferProcess.PROCESS_KEY).processInstanceBusinessKey(SeatOfferProcess.businessKeyOf(registration.id()))
                .finished().singleResult();
        assertThat(offer).as("ended seat offer of %s", registration.reference()).isNotNull();
        assertThat(offer.getState()).isEqualTo("COMPLETED");
        return offer;
    }

    private List<String> kinds(Program program) {
        return audit.of(program.getId()).stream().map(AuditTrail.Record::kind).toList();
    }

    private int seatsTaken(Program program) {
        return jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId());
    }

    static ProgramRequest withSeatOfferTime(ProgramRequest request, String seatOfferTime) {
        return new ProgramRequest(request.title(), request.kind(), request.agency(), request.regionCode(),
                request.budgetLineCode(), request.fiscalYear(), request.registrationDeadline(), request.minimumParticipants(),
                request.completionThresholdPercent(), request.followUpRounds(), request.tracks(), request.batches(),
                request.budgetItems(), request.allocationMode(), seatOfferTime);
    }

    private static Map<String, Object> proposal(String lineCode, String seatOfferTime) {
        java.time.LocalDate start = id.bimtek.support.Lifecycle.firstSessionDay();
        Map<String, Object> proposal = new java.util.HashMap<>(Map.of("title", "Bimtek Menjahit", "kind", "BIMTEK",
                "agency", "Disperindakop dan UKM Kota Tangerang", "budgetLineCode", lineCode, "fiscalYear", id.bimtek.support.Lifecycle.firstSessionDay().getYear(),
                "registrationDeadline", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).plusDays(7).withNano(0).toString(),
                "minimumParticipants", 1, "tracks", List.of("APPAREL"),
                "batches", List.of(Map.of("name", "Gelombang 1", "track", "APPAREL", "startDate", start.toString(),
                        "endDate", start.plusDays(2).toString(), "venue", "SMKN 3", "mode", "OFFLINE", "quota", 39, "sessions", 3)),
                "budgetItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000))));
        if (seatOfferTime != null) {
            proposal.put("seatOfferTime", seatOfferTime);
        }
        return proposal;
    }
}
