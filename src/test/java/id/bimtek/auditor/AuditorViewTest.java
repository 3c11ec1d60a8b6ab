package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.cancellation.CancellationService;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.PageBrowser;
import id.bimtek.support.LifecycleTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The auditor's view: CSV and PDF exports, the budget-line ledger, and the server-rendered pages behind form login. */
@LifecycleTest
class AuditorViewTest {

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;
    @Autowired AuditTrail audit;
    @Autowired AttendanceService attendance;
    @Autowired CancellationService cancellation;
    @Autowired BudgetLineRepository lines;
    @Autowired id.bimtek.proposal.ProgramService programs;
    @LocalServerPort int port;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void csvHasAHeaderAndOneRowPerAuditRecordWithTheJsonEndpointsFilters() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        ResponseEntity<String> response = as("auditor").getForEntity("/api/programs/" + program.getId() + "/audit.csv", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(response.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        List<CSVRecord> rows = parse(response.getBody());
        List<AuditTrail.Record> records = audit.of(program.getId());
        assertThat(rows).hasSize(records.size()).hasSizeGreaterThan(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("seq")).isEqualTo(String.valueOf(records.get(i).seq()));
            assertThat(rows.get(i).get("kind")).isEqualTo(records.get(i).kind());
            assertThat(rows.get(i).get("hash")).isEqualTo(records.get(i).hash());
        }
        assertThat(rows).extracting(row -> row.get("kind")).contains("DECISION", "BUDGET_COMMIT");

        List<CSVRecord> review = parse(as("admin").getForObject("/api/programs/" + program.getId()
                + "/audit.csv?stage=REVIEW&user=division-head", String.class));
        assertThat(review).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("stage")).isEqualTo("REVIEW");
            assertThat(row.get("actor")).isEqualTo("division-head");
        });
        assertThat(parse(as("auditor").getForObject("/api/programs/" + program.getId()
                + "/audit.csv?to=2000-01-01T00:00:00Z", String.class))).isEmpty();
        assertThat(as("auditor").getForEntity("/api/programs/" + program.getId() + "/audit.csv?from=gestern", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("staff").getForEntity("/api/programs/" + program.getId() + "/audit.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/programs/" + program.getId() + "/audit.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("auditor").getForEntity("/api/programs/999999999/audit.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void pdfIsADocumentWithTheProgrammeTheBudgetAndTheVerifiedChain() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line));
        ResponseEntity<byte[]> response = as("auditor").getForEntity("/api/programs/" + program.getId() + "/audit.pdf", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(response.getBody(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        PdfReader reader = new PdfReader(response.getBody());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains(program.getCode(), "Disperindakop dan UKM Kota Tangerang", line.getCode(),
                "24.600.000,00", "500.000.000,00", "TERVERIFIKASI", "Keputusan");
        // the proposal's sessions in words: how and where they are held, not the codes stored
        assertThat(text.toString()).contains("Sesi 1 · cara: tatap muka", "Sesi 1 · tempat: ").doesNotContain("ON_SITE");
        assertThat(as("staff").getForEntity("/api/programs/" + program.getId() + "/audit.pdf", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theLedgerReconcilesAfterApprovalClosingSettlementAndCancellation() {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program closed = closedAndSettled(line);
        // closing moved the engine's clock (the one clock) past the line's fiscal year: the next programmes start from today
        lifecycle.resetClock();
        Program cancelled = lifecycle.approved(lifecycle.sewingBimtek(line, 1, 1, 10_000_000));
        cancellation.requestCancellation(cancelled.getId(), "Refocusing anggaran", DEPARTMENT_HEAD.id());
        Program open = lifecycle.approved(lifecycle.sewingBimtek(line, 1, 1, 7_250_500));

        Map<String, Object> ledger = ledger(line, "department-head");
        assertThat(ledger).containsEntry("reconciled", true).containsEntry("code", line.getCode());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> movements = (List<Map<String, Object>>) ledger.get("movements");
        assertThat(movements).extracting(m -> m.get("kind") + " " + m.get("programCode")).containsExactly(
                "COMMIT " + closed.getCode(), "REALISE " + closed.getCode(), "RELEASE " + closed.getCode(),
                "COMMIT " + cancelled.getCode(), "RELEASE " + cancelled.getCode(), "COMMIT " + open.getCode());
        assertThat(movements).extracting(m -> new BigDecimal(m.get("remaining").toString()).longValueExact())
                .containsExactly(475_400_000L, 475_400_000L, 476_900_000L, 466_900_000L, 476_900_000L, 469_649_500L);
        BudgetLine now = lines.findById(line.getId()).orElseThrow();
        assertThat(new BigDecimal(ledger.get("runningCommitted").toString())).isEqualByComparingTo(now.getCommitted())
                .isEqualByComparingTo("7250500");
        assertThat(new BigDecimal(ledger.get("runningRealised").toString())).isEqualByComparingTo(now.getRealised())
                .isEqualByComparingTo("23100000");
        assertThat(new BigDecimal(ledger.get("runningRemaining").toString())).isEqualByComparingTo(now.getRemaining());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> programmes = (List<Map<String, Object>>) ledger.get("programmes");
        assertThat(programmes).hasSize(3);

        assertThat(ledger(line, "auditor")).containsEntry("reconciled", true);
        assertThat(ledger(line, "admin")).containsEntry("reconciled", true);
        assertThat(as("staff").getForEntity("/api/budget-lines/" + line.getCode() + "/ledger", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").getForEntity("/api/budget-lines/0.00.nothing/ledger", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePagesNeedAnAuditorSignedInWithTheFormAndCsrf() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line));
        String page = "/audit/programs/" + program.getId();

        HttpResponse<String> anonymous = browser().get(page);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        PageBrowser noToken = browser();
        noToken.get("/login");
        assertThat(noToken.post("/login", Map.of("username", "auditor", "password", "auditor"), false).statusCode())
                .isEqualTo(403);

        PageBrowser auditor = browser().signIn("auditor");
        HttpResponse<String> timeline = auditor.get(page);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains(program.getTitle(), program.getCode(), ">Keputusan</div>",
                "Rantai audit terverifikasi", "Disperindakop dan UKM Kota Tangerang", "Rp 24.600.000,00");
        HttpResponse<String> filtered = auditor.get(page + "?stage=BUDGET&user=&from=&to=");
        assertThat(filtered.body()).contains(">Anggaran dikomitmenkan</div>", "id=\"tahap-BUDGET\"")
                .doesNotContain("id=\"tahap-PROPOSAL\"");
        assertThat(auditor.get(page + "/audit.csv").body()).startsWith("seq,recorded_at");
        assertThat(auditor.get("/audit?q=" + program.getCode()).body()).contains(program.getCode());
        assertThat(auditor.get("/audit?user=division-head&line=" + line.getCode() + "&year=" + line.getFiscalYear()).body())
                .contains(program.getCode());
        assertThat(auditor.get("/audit?q=no-such-programme-anywhere").body()).doesNotContain(program.getCode());
        HttpResponse<String> ledger = auditor.get("/audit/budget-lines/" + line.getCode() + "?fiscalYear=" + line.getFiscalYear());
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(ledger.body()).contains("Cocok", program.getCode(), "24.600.000,00");

        PageBrowser staff = browser().signIn("staff");
        assertThat(staff.get(page).statusCode()).isEqualTo(403);
        assertThat(staff.get("/audit").statusCode()).isEqualTo(403);

        assertThat(browser().signIn("admin").get(page).statusCode()).isEqualTo(200);
    }

    @Test
    void theTimelineReadsByStageDecisionsFirstChangesAsFieldsEngineStepsFolded() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(line, 39, 20, 10_000_000));
        lifecycle.decide(program, "reviewProposal", Lifecycle.DIVISION_HEAD, "REVISE", "Kuota 39 terlalu besar");
        programs.update(program.getId(), lifecycle.sewingBimtek(line, 30, 20, 12_000_000), STAFF.id());
        programs.submit(program.getId(), STAFF.id());
        lifecycle.decide(program, "reviewProposal", Lifecycle.DIVISION_HEAD, "APPROVE", "Sesuai rencana kerja");
        lifecycle.decide(program, "approveBudget", DEPARTMENT_HEAD, "APPROVE", "Anggaran tersedia");
        List<AuditTrail.Record> trail = audit.of(program.getId());
        long engineSteps = trail.stream().filter(r -> r.kind().startsWith("ACTIVITY_")).count();
        assertThat(engineSteps).isPositive();

        PageBrowser auditor = browser().signIn("auditor");
        String page = "/audit/programs/" + program.getId();
        String body = auditor.get(page).body();
        // stages in the lifecycle's order, each opening with its decisions in words, by name
        assertThat(body.indexOf("id=\"tahap-PROPOSAL\"")).isPositive()
                .isLessThan(body.indexOf("id=\"tahap-REVIEW\"")).isLessThan(body.indexOf("id=\"tahap-BUDGET\""));
        String review = body.substring(body.indexOf("id=\"tahap-REVIEW\""), body.indexOf("id=\"tahap-BUDGET\""));
        assertThat(review.substring(0, review.indexOf("<details"))).contains("dikembalikan untuk perbaikan",
                "“Kuota 39 terlalu besar”", "disetujui", "(division-head)");
        // old and new values as changed fields, not JSON
        assertThat(body).contains("Gelombang 1 · kuota</span>:", "<del>39</del> → <ins>30</ins>",
                "<del>Rp 10.000.000,00</del> → <ins>Rp 12.000.000,00</ins>", "Diajukan</del>")
                .doesNotContain("{&quot;").doesNotContain("Langkah mesin dimulai</div>")
                .contains(engineSteps + " langkah mesin disembunyikan");
        // roles and the engine's instants in words: offered to "Kepala Bidang", due in WIB, the task's key not repeated
        assertThat(review).contains("ditawarkan kepada Kepala Bidang").containsPattern("tenggat</span>:\\s*<ins>\\d+ \\w+ \\d{4}, \\d{2}\\.\\d{2} WIB</ins>")
                .doesNotContain("reviewProposal");
        assertThat(auditor.get(page + "?engineSteps=true").body()).contains("Langkah mesin dimulai</div>");
        String decisionsOnly = auditor.get(page + "?kind=DECISION").body();
        assertThat(decisionsOnly).contains("3 dari " + trail.size() + " catatan").doesNotContain("Tugas diselesaikan</div>");

        // the page's downloads carry its filters: the same records, in the same words
        List<CSVRecord> rows = parse(auditor.get(page + "/audit.csv?engineSteps=false").body());
        assertThat(rows).hasSize((int) (trail.size() - engineSteps))
                .noneMatch(row -> row.get("kind").startsWith("ACTIVITY_"));
        assertThat(rows).filteredOn(row -> row.get("kind").equals("PROPOSAL_CHANGED")).singleElement()
                .satisfies(row -> assertThat(row.get("perubahan")).contains("Gelombang 1 · kuota: 39 → 30"));
        assertThat(rows).filteredOn(row -> row.get("kind").equals("DECISION")).extracting(row -> row.get("keterangan"))
                .contains("dikembalikan untuk perbaikan — “Kuota 39 terlalu besar”");
        assertThat(parse(auditor.get(page + "/audit.csv").body())).hasSize(trail.size());
        String text = pdfText(as("auditor").getForEntity("/api/programs/" + program.getId()
                + "/audit.pdf?engineSteps=false", byte[].class).getBody());
        assertThat(text).contains("Telaah", "Keputusan Tinjau usulan: dikembalikan untuk perbaikan", "kuota: 39 menjadi 30",
                "Diajukan menjadi Ditelaah",
                "langkah mesin tidak dicantumkan").doesNotContain("Langkah mesin dimulai");
    }

    @Autowired Timeline timeline;

    @Test
    void aStageWithThousandsOfRecordsIsReadAPageAtATimeWithItsDecisionsAlwaysOnTop() {
        List<AuditTrail.Record> trail = new java.util.ArrayList<>();
        java.time.Instant at = java.time.Instant.parse("2026-12-03T01:00:00Z");
        for (int seq = 1; seq <= 450; seq++) {
            boolean decision = seq == 449;
            trail.add(new AuditTrail.Record(seq, 1, seq, at.plusSeconds(seq), AuditTrail.Stage.REGISTRATION,
                    decision ? "DECISION" : "REGISTRATION_APPLIED", decision ? "staff" : "applicant", null,
                    decision ? "Tetapkan daftar peserta" : "pendaftaran #" + seq, decision ? "APPROVE: sesuai peringkat" : "",
                    null, "{\"status\":\"APPLIED\"}", "", ""));
        }
        trail.add(new AuditTrail.Record(451, 1, 451, at.plusSeconds(451), AuditTrail.Stage.CLOSING, "STATUS_CHANGED", "system",
                null, "BIMTEK", "CLOSING -> CLOSING_APPROVAL", null, null, "", ""));

        Timeline.View first = timeline.of(trail, AuditFilter.of(null, null, null, null, null, false), 1);
        Timeline.StageGroup registration = first.groups().get(0);
        assertThat(registration.total()).isEqualTo(450);
        assertThat(registration.items()).hasSize(Timeline.PAGE);
        assertThat(registration.first()).isEqualTo(1);
        assertThat(registration.hasNext()).isTrue();
        assertThat(registration.decisions()).singleElement().satisfies(d -> assertThat(d.what()).isEqualTo("disetujui — “sesuai peringkat”"));
        assertThat(first.groups().get(1).items()).hasSize(1);

        Timeline.View last = timeline.of(trail, AuditFilter.of(AuditTrail.Stage.REGISTRATION, null, null, null, null, false), 3);
        assertThat(last.groups()).singleElement().satisfies(group -> {
            assertThat(group.first()).isEqualTo(401);
            assertThat(group.last()).isEqualTo(450);
            assertThat(group.hasNext()).isFalse();
            assertThat(group.items().get(0).record().seq()).isEqualTo(401);
        });
        // documents hold the whole trail, unpaged
        assertThat(timeline.whole(trail, AuditFilter.of(null, null, null, null, null, false)).groups().get(0).items()).hasSize(450);
        // a page past the end shows the last one
        assertThat(timeline.of(trail, AuditFilter.of(AuditTrail.Stage.REGISTRATION, null, null, null, null, false), 99)
                .groups().get(0).first()).isEqualTo(401);
    }

    @Test
    void recordsWrittenInEnglishBeforeReadAsTheyDidAndTheirBahasaIndonesiaSuccessorsAlike() {
        // the trail's sentences were English once; a hash-chained record keeps its words for good
        String[][] kindAndDetail = {
                {"DECISION", "APPROVE: sesuai peringkat"},
                {"STATUS_CHANGED", "REGISTRATION_OPEN -> REGISTRATION_CLOSED"},
                {"TASK_CREATED", "offered to division-head"}, {"TASK_ASSIGNED", "held by staff"},
                {"TASK_COMPLETED", "completed"}, {"TASK_COMPLETED", "diselesaikan"},
                {"TASK_WITHDRAWN", "withdrawn: the process left the task (e.g. the programme was cancelled)"},
                {"TASK_WITHDRAWN", "ditarik: proses meninggalkan tugas ini (misalnya program dibatalkan)"},
                {"ATTENDANCE_RECORDED", "3 present, 1 absent"}, {"ATTENDANCE_RECORDED", "3 hadir, 1 tidak hadir"}};
        List<AuditTrail.Record> trail = new ArrayList<>();
        java.time.Instant at = java.time.Instant.parse("2026-12-03T01:00:00Z");
        for (String[] record : kindAndDetail) {
            int seq = trail.size() + 1;
            trail.add(new AuditTrail.Record(seq, 1, seq, at.plusSeconds(seq), AuditTrail.Stage.PROCESS, record[0],
                    "staff", null, "Tinjau usulan", record[1], null, null, "", ""));
        }
        assertThat(timeline.items(trail)).extracting(Timeline.Item::what).containsExactly(
                "disetujui — “sesuai peringkat”", "Pendaftaran dibuka → Pendaftaran ditutup",
                "ditawarkan kepada Kepala Bidang", "dipegang oleh staff", "diselesaikan", "diselesaikan",
                "ditarik: proses meninggalkan tugas ini (misalnya program dibatalkan)",
                "ditarik: proses meninggalkan tugas ini (misalnya program dibatalkan)",
                "3 present, 1 absent", "3 hadir, 1 tidak hadir");
    }

    @Test
    void changedValuesReadAsWordsNotCodes() {
        String created = """
                {"allocationMode":"FIRST_COME","completionBasis":"HOURS","followUpRounds":["P3M","P6M"],
                 "seatOfferTime":"PT48H","requestedTotal":"9000000.00","budgetItems":[{"amount":"9000000.00"}]}""";
        String outcome = """
                {"businessActive":true,"monthlyRevenue":"4500000","employees":2}""";
        String engineStep = """
                {"activityId":"commitBudget","activityType":"serviceTask"}""";
        java.time.Instant at = java.time.Instant.parse("2026-12-03T01:00:00Z");
        List<AuditTrail.Record> trail = List.of(
                new AuditTrail.Record(1, 1, 1, at, AuditTrail.Stage.PROPOSAL, "PROPOSAL_CREATED", "staff", null,
                        "BIMTEK-2026-0001", "Bimtek Menjahit", null, created, "", ""),
                new AuditTrail.Record(2, 1, 2, at, AuditTrail.Stage.FOLLOW_UP, "OUTCOME_RECORDED", "staff", null,
                        "pendaftaran #5 putaran 1", "usaha aktif", null, outcome, "", ""),
                new AuditTrail.Record(3, 1, 3, at, AuditTrail.Stage.PROCESS, "ACTIVITY_STARTED", "system", null,
                        "Commit budget on the line", "langkah otomatis dimulai", null, engineStep, "", ""));

        assertThat(timeline.items(trail)).extracting(item -> item.changes().stream().map(Object::toString).toList())
                .containsExactly(
                        List.of("cara memilih peserta: siapa cepat, dia dapat",
                                "dasar kelulusan: jam pelajaran yang dihadiri", "putaran pemantauan: 3 bulan, 6 bulan",
                                "waktu menjawab tawaran kursi: 48 jam", "jumlah anggaran: Rp 9.000.000,00",
                                "Rincian anggaran 1 · jumlah: Rp 9.000.000,00"),
                        List.of("usaha aktif: ya", "omzet: Rp 4.500.000,00", "tenaga kerja: 2"),
                        List.of("id langkah di model: commitBudget"));
    }

    // --- helpers

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private Program closedAndSettled(BudgetLine line) {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(line, 5, 3, 9_000_000, 15_600_000));
        List<Long> registered = new ArrayList<>();
        for (String name : List.of("Siti Aminah", "Dewi Lestari", "Rina Wati")) {
            RegistrationView registration = lifecycle.register(program, name);
            registered.add(registration.id());
        }
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batchId = lifecycle.program(program.getId()).getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batchId, session, registered, "staff");
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of(
                "realisedItems", List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000),
                        Map.of("description", "Bahan praktik", "amount", 14_100_000)),
                "notes", "Pelatihan selesai"));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(ProgramStatus.FOLLOW_UP);
        return program;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ledger(BudgetLine line, String user) {
        ResponseEntity<Map> response = as(user).getForEntity("/api/budget-lines/" + line.getCode() + "/ledger?fiscalYear="
                + line.getFiscalYear(), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            if (csv != null) {
                assertThat(parser.getHeaderNames()).containsExactly(AuditExports.CSV_HEADER);
            }
            return parser.getRecords();
        }
    }

    private PageBrowser browser() {
        return new PageBrowser(port);
    }
}
