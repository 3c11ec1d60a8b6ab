package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.Program;
import id.bimtek.registration.ApplicantRanking;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Staff import applicants from a spreadsheet's CSV over HTTP; every row meets the rules of a registration. */
@LifecycleTest
class ApplicantImportTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String BOM = "\uFEFF";

    @Autowired TestRestTemplate http;
    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicantRanking ranking;
    @Autowired RuntimeService runtime;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
    }

    @Test
    void eachRowMeetsTheRulesOfARegistrationAndOnlyTheGoodOnesAreStored() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 3, 1, 10_000_000));
        String siti = Lifecycle.nextNik();
        String dewi = Lifecycle.nextNik();
        String rina = Lifecycle.nextNik();
        String ayu = Lifecycle.nextNik();
        // as Excel in an Indonesian locale saves it: a byte order mark, ';', Indonesian headers in its own case
        String file = BOM + "NIK;Nama;Nama_Usaha;Sektor;Kecamatan;Telepon;Gelombang;NIB\r\n"
                + siti + ";Siti Aminah;\"Konveksi Siti; Jahit & Bordir\";APPAREL;Cibodas;081212345678;Gelombang 1;0220001234567\r\n"
                + dewi + ";Dewi Lestari;Konveksi Dewi;apparel;Cibodas;081212345679;Gelombang 1;\r\n"
                + siti + ";Siti A.;Konveksi Lain;APPAREL;Cibodas;081212345670;Gelombang 1;\r\n"
                + "12345;Budi;Keripik Budi;APPAREL;Cibodas;081212345671;Gelombang 1;\r\n"
                + Lifecycle.nextNik() + ";Ani;Keripik Ani;FOOD;Cibodas;081212345672;Gelombang 1;\r\n"
                + ";;;;;;;\r\n"
                + Lifecycle.nextNik() + ";Wati;Konveksi Wati;APPAREL;Cibodas;081212345673;Gelombang 1;12345\r\n"
                + rina + ";Rina Wati;Konveksi Rina;APPAREL;Cibodas;081212345674;Gelombang 1;\r\n"
                + ayu + ";Ayu;Konveksi Ayu;APPAREL;Cibodas;081212345675;Gelombang 1;\r\n";
        int recordsBefore = audit.of(program.getId()).size();

        Map<String, Object> report = body(importCsv(program, "staff", file.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);

        assertThat(report).containsEntry("rows", 8)
                .containsEntry("totals", Map.of("registered", 3, "waitlisted", 1, "applied", 0, "refused", 2, "invalid", 2));
        Map<Integer, Map<String, Object>> byRow = results(report);
        assertThat(byRow.keySet()).containsExactly(2, 3, 4, 5, 6, 8, 9, 10);
        assertThat(byRow.get(2)).containsEntry("outcome", "REGISTERED").containsEntry("rule", "SEAT_AVAILABLE")
                .containsEntry("nik", siti.substring(0, 6) + "******" + siti.substring(12)).doesNotContainKey("reference");
        assertThat(byRow.get(3)).containsEntry("outcome", "REGISTERED");
        assertThat(byRow.get(4)).containsEntry("outcome", "REFUSED").containsEntry("rule", "ONE_PLACE_PER_NIK")
                .containsEntry("field", "NIK");
        assertThat(byRow.get(5)).containsEntry("outcome", "INVALID").containsEntry("field", "NIK")
                .containsEntry("message", "must be the 16 digits of the NIK").doesNotContainKey("rule");
        assertThat(byRow.get(6)).containsEntry("outcome", "REFUSED").containsEntry("rule", "SECTOR")
                .containsEntry("field", "Sektor");
        assertThat(byRow.get(8)).containsEntry("outcome", "INVALID").containsEntry("field", "NIB")
                .containsEntry("message", "must be the 13 digits of the NIB");
        assertThat(byRow.get(9)).containsEntry("outcome", "REGISTERED");
        assertThat(byRow.get(10)).containsEntry("outcome", "WAITLISTED").containsEntry("rule", "BATCH_FULL");
        assertThat((String) byRow.get(10).get("message")).contains("waitlist position 1");

        List<RegistrationView> stored = registrations.ofProgram(program.getId());
        assertThat(stored).extracting(RegistrationView::nik).containsExactly(siti, dewi, rina, ayu);
        assertThat(stored.get(0).nib()).isEqualTo("0220001234567");
        assertThat(stored.get(0).businessName()).isEqualTo("Konveksi Siti; Jahit & Bordir");
        assertThat(stored.get(1).nib()).isNull();
        assertThat(jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId()))
                .isEqualTo(3);

        List<AuditTrail.Record> trail = audit.of(program.getId()).subList(recordsBefore, audit.of(program.getId()).size());
        assertThat(trail).extracting(AuditTrail.Record::actor).containsOnly("staff");
        assertThat(trail).extracting(AuditTrail.Record::kind).containsExactly("REGISTRATION_REGISTERED",
                "REGISTRATION_REGISTERED", "REGISTRATION_REFUSED", "REGISTRATION_REFUSED", "REGISTRATION_REGISTERED",
                "REGISTRATION_WAITLISTED", "APPLICANTS_IMPORTED");
        AuditTrail.Record summary = trail.get(trail.size() - 1);
        assertThat(summary.stage()).isEqualTo(AuditTrail.Stage.REGISTRATION);
        assertThat(summary.detail())
                .isEqualTo("8 baris: 3 mendapat kursi, 1 masuk daftar tunggu, "
                        + "0 lamaran diterima, 2 ditolak, 2 tidak valid");
        assertThat(summary.newValue()).contains("\"rows\":8", "\"invalid\":2", "\"sha256\":");
        assertThat(audit.verify(program.getId()).valid()).isTrue();
    }

    @Autowired id.bimtek.registration.ApplicantImport imports;
    @Autowired id.bimtek.registration.ImportRuns runs;

    @Test
    void anImportTellsHowFarItHasGotAndARunKeepsItsProgressThenItsReport() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 400, 1, 10_000_000));
        StringBuilder file = new StringBuilder("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang\n");
        for (int i = 0; i < 600; i++) {
            file.append(i == 7 ? "12345" : Lifecycle.nextNik()).append(";Peserta ").append(i)
                    .append(";Usaha;APPAREL;Cibodas;081212345678;Gelombang 1\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        var report = imports.importCsv(program.getId(), bytes, "staff", seen::add);
        assertThat(report.totals().registered()).isEqualTo(400);
        assertThat(report.totals().waitlisted()).isEqualTo(199);
        assertThat(seen).isSortedAccordingTo(Integer::compare).startsWith(1).endsWith(600).hasSizeGreaterThan(2);

        // from the page: the run is recorded at once, then followed to its report
        Program other = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 400, 1, 10_000_000));
        long runId = runs.start(other.getId(), bytes, "staff");
        assertThat(runs.find(other.getId(), runId)).get().satisfies(run -> assertThat(run.rows()).isEqualTo(600));
        var done = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> runs.find(other.getId(), runId).orElseThrow(),
                        run -> run.state() != id.bimtek.registration.ImportRuns.State.RUNNING);
        assertThat(done.state()).isEqualTo(id.bimtek.registration.ImportRuns.State.DONE);
        assertThat(done.decided()).isEqualTo(600);
        assertThat(done.report().totals().invalid()).isEqualTo(1);
        assertThat(done.report().results()).hasSize(600);
        assertThat(done.stalled(java.time.Instant.now().plus(java.time.Duration.ofMinutes(3)))).isFalse(); // done is never stalled
        assertThat(runs.find(program.getId(), runId)).as("a run is found only under its own programme").isEmpty();

        // a file that cannot be imported is refused before any run starts
        long before = jdbc.queryForObject("select count(*) from import_run", Long.class);
        assertThatThrownBy(() -> runs.start(other.getId(), "nik;nama\n1;x\n".getBytes(StandardCharsets.UTF_8), "staff"))
                .isInstanceOf(id.bimtek.shared.ProblemException.class);
        assertThat(jdbc.queryForObject("select count(*) from import_run", Long.class)).isEqualTo(before);
    }

    @Test
    void revenueAndPeopleAtRegistrationAreReadAsSpreadsheetsWriteThem() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String siti = Lifecycle.nextNik();
        String file = "nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;omzet;tenaga_kerja\n"
                + siti + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1;Rp 4.500.000;3\n"
                + Lifecycle.nextNik() + ";Dewi;Konveksi Dewi;APPAREL;Cibodas;081212345678;Gelombang 1;empat juta;2\n"
                + Lifecycle.nextNik() + ";Rina;Konveksi Rina;APPAREL;Cibodas;081212345678;Gelombang 1;;\n";
        Map<String, Object> report = body(importCsv(program, "staff", file.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);

        assertThat(report).containsEntry("totals", Map.of("registered", 2, "waitlisted", 0, "applied", 0, "refused", 0, "invalid", 1));
        assertThat(results(report).get(3)).containsEntry("outcome", "INVALID").containsEntry("field", "omzet");
        assertThat(jdbc.queryForMap("select monthly_revenue, employees from registration where program_id = ? and nik = ?",
                program.getId(), siti)).satisfies(row -> {
                    assertThat((java.math.BigDecimal) row.get("monthly_revenue")).isEqualByComparingTo("4500000");
                    assertThat(row.get("employees")).isEqualTo(3);
                });
    }

    @Test
    void theBusinessSizeMayBeGivenInIndonesian() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String micro = Lifecycle.nextNik();
        String file = "nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;skala_usaha\n"
                + micro + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1;mikro\n"
                + Lifecycle.nextNik() + ";Dewi;Konveksi Dewi;APPAREL;Cibodas;081212345678;Gelombang 1;besar\n"
                + Lifecycle.nextNik() + ";Rina;Konveksi Rina;APPAREL;Cibodas;081212345678;Gelombang 1;\n";
        Map<String, Object> report = body(importCsv(program, "staff", file.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);

        assertThat(report).containsEntry("totals", Map.of("registered", 2, "waitlisted", 0, "applied", 0, "refused", 0, "invalid", 1));
        assertThat(results(report).get(3)).containsEntry("outcome", "INVALID").containsEntry("field", "skala_usaha");
        assertThat(jdbc.queryForObject("select business_scale from registration where program_id = ? and nik = ?",
                String.class, program.getId(), micro)).isEqualTo("MICRO");
    }

    @Test
    void aCommaSeparatedFileAlsoArrivesAsAnUpload() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String nik = Lifecycle.nextNik();
        String file = "nik,name,business_name,sector,district,phone,batch\n"
                + nik + ",\"Siti Aminah, S.E.\",Konveksi Siti,APPAREL,Cibodas,081212345678,Gelombang 1\n"
                + Lifecycle.nextNik() + ",Dewi,Konveksi Dewi,APPAREL,Cibodas,081212345678,Gelombang 1,extra\n";
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "pendaftar.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth("staff", "staff");
        Map<String, Object> report = body(http.exchange(importPath(program), HttpMethod.POST, new HttpEntity<>(form, headers),
                OBJECT), HttpStatus.OK);

        assertThat(report).containsEntry("totals", Map.of("registered", 1, "waitlisted", 0, "applied", 0, "refused", 0, "invalid", 1));
        assertThat(results(report).get(3)).containsEntry("outcome", "INVALID").containsEntry("field", "row");
        assertThat(registrations.ofProgram(program.getId())).extracting(RegistrationView::name).containsExactly("Siti Aminah, S.E.");
    }

    @Test
    void aBrokenHeaderRefusesTheWholeFile() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String row = Lifecycle.nextNik() + ";Siti;Konveksi Siti;APPAREL;Cibodas;081212345678";
        String before = footprint(program);

        ResponseEntity<Map<String, Object>> missing = importCsv(program, "staff",
                ("nik;nama;nama_usaha;sektor;kecamatan;telepon\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).containsEntry("field", "batch");
        assertThat((String) missing.getBody().get("detail")).contains("'batch' is missing");

        ResponseEntity<Map<String, Object>> unknown = importCsv(program, "staff",
                ("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;hobi\n" + row + ";Gelombang 1;menjahit\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("field", "hobi");

        ResponseEntity<Map<String, Object>> notUtf8 = importCsv(program, "staff",
                ("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang\n" + row + ";Gelombang 1 Caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(notUtf8.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notUtf8.getBody()).containsEntry("field", "file");

        // a quote left open: the message names the line, not the parser's classes
        ResponseEntity<Map<String, Object>> brokenQuote = importCsv(program, "staff",
                ("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang\n" + row + ";Gelombang 1\n"
                        + Lifecycle.nextNik() + ";\"Siti \"Ani\" x;K;APPAREL;Cibodas;081212345678;Gelombang 1\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(brokenQuote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(brokenQuote.getBody()).containsEntry("field", "file");
        assertThat((String) brokenQuote.getBody().get("detail")).contains("line").doesNotContain("Exception")
                .doesNotContain("java.");

        assertThat(footprint(program)).isEqualTo(before);

        // a NUL in a name is that row's problem (INVALID, naming the column), not the whole file's
        ResponseEntity<Map<String, Object>> nul = importCsv(program, "staff",
                ("nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang\n" + Lifecycle.nextNik()
                        + ";Si\u0000ti;K;APPAREL;Cibodas;081212345678;Gelombang 1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(nul.getBody().toString()).contains("INVALID").contains("control characters");

        assertThat(footprint(program)).startsWith("0/");
    }

    /**
     * A programme that selects: every good row is an application received (not a waitlist place), the audit
     * summary says so, and blank sizes, a missing sector and a duplicate row do not stop the ranking at the
     * deadline: the engine reaches "Confirm participant list" with no incident.
     */
    @Test
    void aSelectionProgrammeReceivesApplicationsAndRanksThemAtTheDeadlineWhateverTheRowsLeaveBlank() {
        Program program = lifecycle.approved(Lifecycle.bySelection(
                lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000)));
        String siti = Lifecycle.nextNik();
        String file = "nik;nama;nama_usaha;sektor;kecamatan;telepon;gelombang;skala_usaha\n"
                + siti + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1;mikro\n"
                + Lifecycle.nextNik() + ";Dewi Lestari;Konveksi Dewi;APPAREL;Cibodas;081212345679;Gelombang 1;\n"
                + Lifecycle.nextNik() + ";Rina Wati;Konveksi Rina; apparel ;Cibodas;081212345674;Gelombang 1;\n"
                + Lifecycle.nextNik() + ";Ani;Konveksi Ani;;Cibodas;081212345672;Gelombang 1;kecil\n"
                + siti + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1;mikro\n";

        Map<String, Object> report = body(importCsv(program, "staff", file.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK);

        assertThat(report).containsEntry("totals",
                Map.of("registered", 0, "waitlisted", 0, "applied", 3, "refused", 1, "invalid", 1));
        Map<Integer, Map<String, Object>> byRow = results(report);
        assertThat(byRow.get(2)).containsEntry("outcome", "APPLIED").containsEntry("rule", "SELECTION")
                .containsEntry("message", "application to Gelombang 1 received; ranked with the others after the deadline");
        assertThat(byRow.get(3)).containsEntry("outcome", "APPLIED");
        assertThat(byRow.get(4)).containsEntry("outcome", "APPLIED");
        assertThat(byRow.get(5)).containsEntry("outcome", "INVALID").containsEntry("field", "sektor");
        assertThat(byRow.get(6)).containsEntry("outcome", "REFUSED").containsEntry("rule", "ONE_PLACE_PER_NIK");
        AuditTrail.Record summary = audit.of(program.getId()).stream()
                .filter(record -> record.kind().equals("APPLICANTS_IMPORTED")).findFirst().orElseThrow();
        assertThat(summary.detail())
                .isEqualTo("5 baris: 0 mendapat kursi, 0 masuk daftar tunggu, "
                        + "3 lamaran diterima, 1 ditolak, 1 tidak valid");
        assertThat(summary.newValue()).contains("\"applied\":3").contains("\"waitlisted\":0");

        lifecycle.passTime(java.time.Duration.ofDays(8));

        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");
        assertThat(runtime.createIncidentQuery().processInstanceId(program.getProcessInstanceId()).count()).isZero();
        // first-time micro 15, first-time of unknown size 10 each, the earlier application first among equals
        assertThat(ranking.of(program.getId())).extracting(ApplicantRanking.Ranked::name, ApplicantRanking.Ranked::points,
                ApplicantRanking.Ranked::rank).containsExactly(tuple("Siti Aminah", 15, 1), tuple("Dewi Lestari", 10, 2),
                tuple("Rina Wati", 10, 3));
        lifecycle.resetClock();
    }

    @Test
    void tooLargeAFileIsRefusedBeforeAnyRow() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String before = footprint(program);
        String header = "nik,name,business_name,sector,district,phone,batch\n";
        String rows = IntStream.range(0, 20_001)
                .mapToObj(i -> Lifecycle.nextNik() + ",P" + i + ",K,APPAREL,Cibodas,081212345678,Gelombang 1\n")
                .collect(Collectors.joining());
        ResponseEntity<Map<String, Object>> tooManyRows = importCsv(program, "staff",
                (header + rows).getBytes(StandardCharsets.UTF_8));
        assertThat(tooManyRows.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooManyRows.getBody()).containsEntry("field", "file");
        assertThat((String) tooManyRows.getBody().get("detail")).contains("more than 20000 applicant rows");

        byte[] tooManyBytes = (header + " ".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> tooLarge = importCsv(program, "staff", tooManyBytes);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getBody()).containsEntry("field", "file");
        assertThat(footprint(program)).isEqualTo(before);
    }

    @Test
    void onlyStaffImportAndOnlyWhileRegistrationIsOpen() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        byte[] file = ("nik,name,business_name,sector,district,phone,batch\n" + Lifecycle.nextNik()
                + ",Siti,Konveksi Siti,APPAREL,Cibodas,081212345678,Gelombang 1\n").getBytes(StandardCharsets.UTF_8);
        String before = footprint(program);
        assertThat(importCsv(program, null, file).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(importCsv(program, "division-head", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(importCsv(program, "auditor", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(footprint(program)).isEqualTo(before);

        Program inReview = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        ResponseEntity<Map<String, Object>> closed = importCsv(inReview, "staff", file);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody()).containsEntry("field", "status");
        assertThat(registrations.ofProgram(inReview.getId())).isEmpty();
    }

    @Test
    void anApplicantMayGiveTheirNib() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Map<String, Object> applicant = Map.of("nik", Lifecycle.nextNik(), "name", "Siti Aminah", "businessName", "Konveksi Siti",
                "sector", "APPAREL", "district", "Cibodas", "phone", "081212345678", "batch", "Gelombang 1", "nib", "02200012345");
        ResponseEntity<Map<String, Object>> badNib = register(program, applicant);
        assertThat(badNib.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badNib.getBody()).containsEntry("field", "nib");
        assertThat(registrations.ofProgram(program.getId())).isEmpty();

        Map<String, Object> withNib = new HashMap<>(applicant);
        withNib.put("nib", "0220001234567");
        assertThat(body(register(program, withNib), HttpStatus.CREATED)).containsEntry("nib", "0220001234567");
        Map<String, Object> withoutNib = new HashMap<>(applicant);
        withoutNib.remove("nib");
        withoutNib.put("nik", Lifecycle.nextNik());
        assertThat(body(register(program, withoutNib), HttpStatus.CREATED)).doesNotContainKey("nib");
    }

    private ResponseEntity<Map<String, Object>> importCsv(Program program, String user, byte[] file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(CSV);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(importPath(program), HttpMethod.POST, new HttpEntity<>(file, headers), OBJECT);
    }

    private ResponseEntity<Map<String, Object>> register(Program program, Map<String, Object> applicant) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/programs/" + program.getId() + "/registrations", HttpMethod.POST,
                new HttpEntity<>(applicant, headers), OBJECT);
    }

    private static String importPath(Program program) {
        return "/api/programs/" + program.getId() + "/registrations/import";
    }

    /** The programme's registrations and audit records: what a refused import must leave alone. */
    private String footprint(Program program) {
        return jdbc.queryForObject("""
                select (select count(*) from registration where program_id = ?) || '/'
                    || (select count(*) from audit_record where program_id = ?)""", String.class,
                program.getId(), program.getId());
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, Map<String, Object>> results(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("results")).stream()
                .collect(Collectors.toMap(result -> ((Number) result.get("row")).intValue(), result -> result,
                        (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Object> body(ResponseEntity<Map<String, Object>> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(expected);
        return response.getBody();
    }
}
