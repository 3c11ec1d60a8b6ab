package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.bimtek.budget.BudgetLine;
import id.bimtek.delivery.AttendanceService;
import id.bimtek.delivery.BatchClosing;
import id.bimtek.followup.FollowUpService;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationView;
import id.bimtek.shared.ProblemException;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.PageBrowser;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The holes a sheet of paper would not allow, closed on every surface (the engine's API as Tasklist calls it
 * included), and the staff pages that do the work: the attendance sheet per batch and session, and the
 * monitoring rounds.
 */
@LifecycleTest
class StaffWorkspaceTest {

    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;
    @Autowired FollowUpService followUp;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void eachAttendanceTaskNamesItsBatchAndASessionIsRecordedFromItsDayOn() {
        Program program = lifecycle.approved(twoBatches(lifecycle.budgetLine(500_000_000)));
        RegistrationView siti = registrations.register(program.getId(), Lifecycle.applicant("Siti Aminah", "Gelombang 1"));
        registrations.register(program.getId(), Lifecycle.applicant("Dewi Lestari", "Gelombang 2"));
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(program.getCode()).taskDefinitionKey("recordAttendance")
                .list()).extracting(Task::getName)
                .containsExactlyInAnyOrder("Catat kehadiran Gelombang 1", "Catat kehadiran Gelombang 2");

        long batch = batchId(program, 0);
        assertThatThrownBy(() -> attendance.record(program.getId(), batch, 1, List.of(siti.id()), STAFF.id()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
                    assertThat(problem.field()).isEqualTo("session");
                    assertThat(problem.rule()).isEqualTo(AttendanceService.SESSION_NOT_YET_HELD);
                });
        assertThat(jdbc.queryForObject("select count(*) from attendance where batch_id = ?", Integer.class, batch)).isZero();

        lifecycle.sessionsHeld(program);
        assertThat(attendance.record(program.getId(), batch, 1, List.of(siti.id()), STAFF.id()).present())
                .containsExactly(siti.id());
    }

    @Test
    void aBatchClosesWithSessionsUnrecordedOnlyWithAReasonOnEverySurfaceAndCorrectionsAreKept() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = batchId(program, 0);

        attendance.record(program.getId(), batch, 1, List.of(siti.id()), STAFF.id());
        attendance.record(program.getId(), batch, 1, List.of(siti.id(), dewi.id()), STAFF.id()); // Dewi came late
        assertThat(jdbc.queryForMap("select attendance_recorded_by, attendance_corrections from batch_session "
                + "where batch_id = ? and session_no = 1", batch))
                .containsEntry("attendance_recorded_by", "staff").containsEntry("attendance_corrections", 1);
        assertThat(lifecycle.auditKinds(program)).filteredOn("ATTENDANCE_RECORDED"::equals).hasSize(2);

        // sessions 2 and 3 unrecorded: the project's API and the engine's (Tasklist's) both refuse without a reason
        assertThatThrownBy(() -> lifecycle.complete(program, "recordAttendance", STAFF, Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.rule()).isEqualTo(BatchClosing.UNRECORDED_SESSIONS);
                    assertThat(problem.field()).isEqualTo("unrecordedSessionsReason");
                    assertThat(problem.getMessage()).contains("[2, 3]", "Gelombang 1");
                });
        Task task = lifecycle.task(program, "recordAttendance");
        tasks.claim(task.getId(), STAFF.id());
        assertThatThrownBy(() -> tasks.complete(task.getId())).hasMessageContaining("have no attendance recorded");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("recordAttendance");
        assertThat(jdbc.queryForObject("select delivered from batch where id = ?", Boolean.class, batch)).isFalse();

        lifecycle.complete(program, "recordAttendance", STAFF,
                Map.of("unrecordedSessionsReason", "Sesi 2 dan 3 dibatalkan: gedung dipakai posko banjir"));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");
        assertThat(jdbc.queryForMap("select delivered, closed_by, unrecorded_sessions_reason from batch where id = ?", batch))
                .containsEntry("delivered", true).containsEntry("closed_by", "staff")
                .containsEntry("unrecorded_sessions_reason", "Sesi 2 dan 3 dibatalkan: gedung dipakai posko banjir");
        assertThat(lifecycle.auditKinds(program)).contains("BATCH_ATTENDANCE_CLOSED");
        assertThat(runtime.getVariables(lifecycle.instanceOf(program).getId())).doesNotContainKey("unrecordedSessionsReason");
    }

    @Test
    void outcomesOnlyForTheRoundDueCorrectableUntilItIsRecordedAndMissingOnesNeedAReason() {
        Program program = inFollowUp();
        List<Long> graduates = followUp.missingOutcomes(program.getId(), 1);
        assertThat(graduates).hasSize(2);
        long first = graduates.get(0);

        assertThatThrownBy(() -> outcome(program, first, 1, 3_000_000)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo(FollowUpService.ROUND_NOT_DUE));
        lifecycle.passTime(Duration.ofDays(95));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("recordOutcomes");
        assertThatThrownBy(() -> outcome(program, first, 2, 3_000_000)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo(FollowUpService.ROUND_NOT_DUE));

        outcome(program, first, 1, 3_000_000);
        outcome(program, first, 1, 3_500_000); // a typo corrected while the round is open
        assertThat(jdbc.queryForMap("select monthly_revenue, corrected_by from outcome where registration_id = ? and round = 1", first))
                .containsEntry("corrected_by", "staff")
                .hasEntrySatisfying("monthly_revenue", revenue -> assertThat((BigDecimal) revenue).isEqualByComparingTo("3500000"));
        assertThat(lifecycle.auditKinds(program)).contains("OUTCOME_RECORDED", "OUTCOME_CORRECTED");

        // one of two graduates without an outcome: both surfaces refuse to finish the round without a reason
        assertThatThrownBy(() -> lifecycle.complete(program, "recordOutcomes", STAFF, Map.of()))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.rule()).isEqualTo(FollowUpService.MISSING_OUTCOMES));
        Task task = lifecycle.task(program, "recordOutcomes");
        tasks.claim(task.getId(), STAFF.id());
        assertThatThrownBy(() -> tasks.complete(task.getId())).hasMessageContaining("1 of 2 graduates have no outcome");

        lifecycle.complete(program, "recordOutcomes", STAFF, Map.of("missingOutcomesReason", "Pindah ke Serang, tidak dapat dihubungi"));
        assertThat(jdbc.queryForMap("select graduates, recorded, missing_reason, recorded_by from monitoring_round "
                + "where program_id = ? and round = 1", program.getId()))
                .containsEntry("graduates", 2).containsEntry("recorded", 1)
                .containsEntry("missing_reason", "Pindah ke Serang, tidak dapat dihubungi").containsEntry("recorded_by", "staff");
        assertThatThrownBy(() -> outcome(program, first, 1, 4_000_000)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.rule()).isEqualTo(FollowUpService.ROUND_RECORDED));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("roundDue");
        assertThat(runtime.getVariables(lifecycle.instanceOf(program).getId())).doesNotContainKey("missingOutcomesReason");

        // the next round through its page, which sends every graduate at once: one given twice is refused and
        // nothing is written; then one corrected and one recorded for the first time, in the order given
        lifecycle.passTime(Duration.ofDays(95));
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("recordOutcomes");
        outcome(program, first, 2, 3_000_000);
        long second = graduates.get(1);
        FollowUpService.OutcomeEntry corrected = new FollowUpService.OutcomeEntry(first, true, BigDecimal.valueOf(3_600_000), 2);
        FollowUpService.OutcomeEntry recorded = new FollowUpService.OutcomeEntry(second, false, BigDecimal.ZERO, 0);
        assertThatThrownBy(() -> followUp.recordOutcomes(program.getId(), 2, List.of(corrected, recorded, recorded), "staff"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.field()).isEqualTo("registrationId"));
        assertThat(jdbc.queryForObject("select count(*) from outcome where registration_id = ? and round = 2", Integer.class, second)).isZero();
        List<Long> ids = followUp.recordOutcomes(program.getId(), 2, List.of(corrected, recorded), "staff");
        assertThat(ids).containsExactly(
                jdbc.queryForObject("select id from outcome where registration_id = ? and round = 2", Long.class, first),
                jdbc.queryForObject("select id from outcome where registration_id = ? and round = 2", Long.class, second));
        assertThat(jdbc.queryForMap("select business_active, monthly_revenue from outcome where registration_id = ? and round = 2", second))
                .containsEntry("business_active", false);
        assertThat(jdbc.queryForMap("select monthly_revenue, corrected_by from outcome where registration_id = ? and round = 2", first))
                .containsEntry("corrected_by", "staff")
                .hasEntrySatisfying("monthly_revenue", revenue -> assertThat((BigDecimal) revenue).isEqualByComparingTo("3600000"));
    }

    @Test
    void staffRecordAttendanceAndCloseTheBatchOnThePage() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = batchId(program, 0);
        String sheet = "/kerja/program/" + program.getId() + "/gelombang/" + batch + "/kehadiran";

        PageBrowser staff = new PageBrowser(port).signIn("staff");
        HttpResponse<String> home = staff.get("/kerja");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Catat kehadiran Gelombang 1", program.getCode(), "Pelaksanaan");
        String taskId = lifecycle.task(program, "recordAttendance").getId();
        HttpResponse<String> opened = staff.get("/kerja/tugas?taskId=" + taskId);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith(sheet);

        HttpResponse<String> before = staff.get(sheet);
        assertThat(before.body()).contains("Siti Aminah", "Dewi Lestari", "belum berlangsung", "Kehadirannya dicatat mulai hari itu");
        HttpResponse<String> early = staff.follow(staff.post(sheet + "/1", List.of(Map.entry("hadir", siti.id().toString())), true));
        assertThat(early.body()).contains("Sesi ini belum berlangsung");
        assertThat(jdbc.queryForObject("select count(*) from attendance where batch_id = ?", Integer.class, batch)).isZero();

        lifecycle.sessionsHeld(program);
        assertThat(staff.get(sheet + "?sesi=1&isi=semua").body()).contains("checked", "Belum ada yang tersimpan");
        HttpResponse<String> saved = staff.follow(staff.post(sheet + "/1",
                List.of(Map.entry("hadir", siti.id().toString()), Map.entry("hadir", dewi.id().toString())), true));
        assertThat(saved.body()).contains("Kehadiran sesi 1 tersimpan: 2 hadir, 0 tidak hadir", "dicatat oleh");
        staff.follow(staff.post(sheet + "/2", List.of(Map.entry("hadir", siti.id().toString())), true));
        assertThat(staff.get(sheet + "?sesi=3&isi=sebelumnya").body()).contains("value=\"" + siti.id() + "\" checked");

        // closing with session 3 unrecorded: the confirmation, then the reason, are asked for
        assertThat(staff.follow(staff.post(sheet.replace("/kehadiran", "/selesai"), Map.of(), true)).body())
                .contains("Centang pernyataan");
        assertThat(staff.follow(staff.post(sheet.replace("/kehadiran", "/selesai"), Map.of("yakin", "ya"), true)).body())
                .contains("Sesi [3] belum dicatat");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("recordAttendance");
        HttpResponse<String> closed = staff.post(sheet.replace("/kehadiran", "/selesai"),
                Map.of("yakin", "ya", "alasan", "Sesi 3 diganti praktik mandiri"), true);
        assertThat(closed.headers().firstValue("Location").orElseThrow()).endsWith("/kerja");
        assertThat(staff.follow(closed).body()).contains("Kehadiran Gelombang 1 (" + program.getCode() + ") ditutup");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");
        assertThat(jdbc.queryForObject("select unrecorded_sessions_reason from batch where id = ?", String.class, batch))
                .isEqualTo("Sesi 3 diganti praktik mandiri");
        assertThat(staff.get(sheet).body()).contains("tidak dapat diubah lagi").doesNotContain("Simpan kehadiran");

        // the page is staff's: a head is refused, and a post without the form's token changes nothing
        PageBrowser head = new PageBrowser(port).signIn("department-head");
        assertThat(head.get(sheet).statusCode()).isEqualTo(403);
        assertThat(head.get("/kerja").statusCode()).isEqualTo(200);
        assertThat(new PageBrowser(port).signIn("auditor").get("/kerja").statusCode()).isEqualTo(403);
        assertThat(new PageBrowser(port).get(sheet).statusCode()).isEqualTo(302);
    }

    @Test
    void staffRecordAMonitoringRoundOnThePage() throws Exception {
        Program program = inFollowUp();
        lifecycle.passTime(Duration.ofDays(95));
        List<Long> graduates = followUp.missingOutcomes(program.getId(), 1);
        String page = "/kerja/program/" + program.getId() + "/pemantauan";
        PageBrowser staff = new PageBrowser(port).signIn("staff");
        assertThat(staff.get("/kerja/tugas?taskId=" + lifecycle.task(program, "recordOutcomes").getId())
                .headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(staff.get(page).body()).contains("Putaran 1", "Siti Aminah", "Dewi Lestari", "2 dari 2 lulusan belum");

        long first = graduates.get(0);
        long second = graduates.get(1);
        // a half-filled row is refused with the rest, and the page keeps what was typed
        HttpResponse<String> refused = staff.follow(staff.post(page + "/1", Map.of("aktif_" + first, "ya", "omzet_" + first,
                "2.500.000", "karyawan_" + first, "2", "aktif_" + second, "ya", "omzet_" + second, "dua juta"), true));
        assertThat(refused.body()).contains("Belum tersimpan", "omzet per bulan harus angka rupiah", "value=\"dua juta\"");
        assertThat(followUp.outcomes(program.getId())).isEmpty();

        HttpResponse<String> saved = staff.follow(staff.post(page + "/1", Map.of("aktif_" + first, "ya", "omzet_" + first,
                "2.500.000", "karyawan_" + first, "2"), true));
        assertThat(saved.body()).contains("1 hasil putaran 1 tersimpan", "value=\"2.500.000\"", "1 dari 2 lulusan belum");
        assertThat(staff.follow(staff.post(page + "/selesai", Map.of(), true)).body())
                .contains("1 lulusan belum punya hasil di putaran ini");
        assertThat(staff.follow(staff.post(page + "/selesai", Map.of("alasan", "Usaha tutup, pemilik pindah"), true)).body())
                .contains("Putaran 1 " + program.getCode() + " tercatat", "Putaran 1 tercatat", "Usaha tutup, pemilik pindah");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("roundDue");
        assertThat(new PageBrowser(port).signIn("division-head").get(page).statusCode()).isEqualTo(403);
    }

    @Test
    void staffFileTheClosingReportOnThePage() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 9_000_000, 15_600_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = batchId(program, 0);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, List.of(siti.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        String page = "/kerja/program/" + program.getId() + "/penutupan";

        PageBrowser staff = new PageBrowser(port).signIn("staff");
        assertThat(staff.get("/kerja/tugas?taskId=" + lifecycle.task(program, "fileClosingReport").getId())
                .headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(staff.get(page).body()).contains("Hasil peserta: 1 dari 2 lulus", "3 dari 3 sesi", "tidak lulus",
                "Honorarium instruktur", "Rp 9.000.000", "Bahan praktik", "Rp 15.600.000");

        // above the plan, and an unplanned item without its reason: refused, nothing filed, what was typed kept
        HttpResponse<String> refused = staff.follow(staff.post(page, Map.of("realisasi_0", "9.500.000", "realisasi_1", "14.100.000",
                "lain_uraian_0", "Sewa tenda", "lain_jumlah_0", "400.000", "catatan", "Selesai"), true));
        assertThat(refused.body()).contains("Laporan belum diajukan", "melebihi rencana Rp 9.000.000",
                "Sewa tenda: pengeluaran di luar rencana perlu uraian, jumlah dalam rupiah, dan alasannya", "value=\"9.500.000\"");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("fileClosingReport");

        HttpResponse<String> filed = staff.post(page, Map.of("realisasi_0", "9.000.000", "realisasi_1", "14.100.000",
                "lain_uraian_0", "Sewa tenda", "lain_jumlah_0", "400.000", "lain_alasan_0", "Hujan deras pada hari kedua",
                "catatan", "Pelatihan selesai; 1 dari 2 peserta lulus"), true);
        assertThat(filed.headers().firstValue("Location").orElseThrow()).endsWith("/kerja");
        assertThat(staff.follow(filed).body()).contains("Laporan penutupan " + program.getCode() + " diajukan");
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("approveClosingReport");
        assertThat(jdbc.queryForObject("select realised_total from closing_report where program_id = ?", BigDecimal.class,
                program.getId())).isEqualByComparingTo("23500000");
        assertThat(jdbc.queryForObject("select reason from closing_realised_item i join closing_report r on r.id = i.closing_report_id "
                + "where r.program_id = ? and i.description = 'Sewa tenda'", String.class, program.getId()))
                .isEqualTo("Hujan deras pada hari kedua");
    }

    @Test
    void staffWriteAProposalOnThePageSendItAndReviseItAfterASendBack() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        java.time.LocalDate start = Lifecycle.firstSessionDay();
        Map<String, String> proposal = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("judul", "Bimtek Pengembangan Produk Industri: Menjahit"), Map.entry("jenis", "BIMTEK"),
                Map.entry("penyelenggara", "Disperindakop dan UKM Kota Tangerang"),
                Map.entry("mata_anggaran", line.getCode() + "|" + line.getFiscalYear()),
                Map.entry("batas", start.minusDays(5).atTime(16, 0).toString()), Map.entry("minimum", "20"),
                Map.entry("ambang", "80"), Map.entry("alokasi", "FIRST_COME"), Map.entry("bidang_APPAREL", "ya"),
                Map.entry("gelombang", "1"), Map.entry("g0_nama", "Gelombang 1"), Map.entry("g0_tempat", "SMKN 3 Kota Tangerang"),
                Map.entry("g0_mulai", start.toString()), Map.entry("g0_selesai", start.plusDays(2).toString()),
                Map.entry("g0_cara", "OFFLINE"), Map.entry("g0_kuota", "banyak"), Map.entry("g0_sesi", "3"),
                Map.entry("item", "2"), Map.entry("i0_uraian", "Honorarium instruktur"), Map.entry("i0_jumlah", "9.000.000"),
                Map.entry("i1_uraian", "Bahan praktik"), Map.entry("i1_jumlah", "15.600.000")));
        long before = jdbc.queryForObject("select count(*) from program", Long.class);
        PageBrowser staff = new PageBrowser(port).signIn("staff");
        assertThat(staff.get("/kerja/usulan/baru").body()).contains("Usulan baru", line.getCode(), "sisa Rp 500.000.000");

        // a quota that is no number, and no title: both named next to their fields, nothing saved
        proposal.put("judul", "");
        HttpResponse<String> refused = staff.post("/kerja/usulan", proposal, true);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Usulan belum tersimpan", "harus bilangan bulat");
        assertThat(jdbc.queryForObject("select count(*) from program", Long.class)).isEqualTo(before);
        proposal.put("g0_kuota", "39");
        assertThat(staff.post("/kerja/usulan", proposal, true).body()).contains("wajib diisi");
        proposal.put("judul", "Bimtek Pengembangan Produk Industri: Menjahit");

        // adding a batch keeps what was typed, saves nothing
        HttpResponse<String> twoBatches = staff.post("/kerja/usulan", with(proposal, "aksi", "tambah-gelombang"), true);
        assertThat(twoBatches.body()).contains("value=\"Gelombang 2\"", "value=\"9.000.000\"");
        assertThat(jdbc.queryForObject("select count(*) from program", Long.class)).isEqualTo(before);

        HttpResponse<String> saved = staff.post("/kerja/usulan", with(proposal, "aksi", "simpan"), true);
        String editor = saved.headers().firstValue("Location").orElseThrow();
        long programId = Long.parseLong(editor.replaceAll(".*/kerja/usulan/", ""));
        Program draft = lifecycle.program(programId);
        assertThat(draft.getStatus()).isEqualTo(id.bimtek.proposal.ProgramStatus.DRAFT);
        assertThat(draft.requestedTotal()).isEqualByComparingTo("24600000");
        assertThat(draft.getBatches()).singleElement().satisfies(batch -> assertThat(batch.getQuota()).isEqualTo(39));
        assertThat(staff.follow(saved).body()).contains("Konsep " + draft.getCode() + " tersimpan", "value=\"15.600.000\"");

        HttpResponse<String> submitted = staff.post("/kerja/usulan/" + programId, with(proposal, "aksi", "ajukan"), true);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/kerja");
        assertThat(staff.follow(submitted).body()).contains("Usulan " + draft.getCode() + " diajukan untuk ditelaah");
        assertThat(lifecycle.instanceOf(draft)).isWaitingAt("reviewProposal");
        lifecycle.decide(draft, "reviewProposal", Lifecycle.DIVISION_HEAD, "REVISE", "Kuota terlalu besar untuk satu ruang praktik");

        // the reviser lands on the editor from the task, with the reviewer's comment on top
        assertThat(staff.get("/kerja/tugas?taskId=" + lifecycle.task(draft, "reviseProposal").getId())
                .headers().firstValue("Location").orElseThrow()).endsWith("/kerja/usulan/" + programId);
        assertThat(staff.get("/kerja/usulan/" + programId).body())
                .contains("Dikembalikan oleh", "Kuota terlalu besar untuk satu ruang praktik", "Ajukan kembali");
        proposal.put("g0_kuota", "30");
        HttpResponse<String> resubmitted = staff.post("/kerja/usulan/" + programId, with(proposal, "aksi", "ajukan"), true);
        assertThat(staff.follow(resubmitted).body()).contains("Usulan " + draft.getCode() + " diajukan kembali");
        assertThat(lifecycle.instanceOf(draft)).isWaitingAt("reviewProposal");
        assertThat(lifecycle.program(programId).getBatches().get(0).getQuota()).isEqualTo(30);
        // the reviewer sees what changed since the send-back, and earlier decisions in words, by name
        Task review = lifecycle.task(draft, "reviewProposal");
        assertThat((String) forms.getTaskFormVariables(review.getId()).get("changesSinceSentBack")).isEqualTo("Gelombang 1 · kuota: 39 → 30");
        assertThat((String) forms.getTaskFormVariables(review.getId()).get("earlierDecisions"))
                .contains("Tinjau usulan: dikembalikan untuk perbaikan oleh ").doesNotContain("REVISE");
        assertThat(lifecycle.auditKinds(draft)).contains("PROPOSAL_CREATED", "PROPOSAL_CHANGED");

        assertThat(new PageBrowser(port).signIn("division-head").get("/kerja/usulan/baru").statusCode()).isEqualTo(403);
    }

    @Test
    void staffDetailABatchsSessionsInTheEditor() throws Exception {
        BudgetLine line = lifecycle.budgetLine(500_000_000);
        java.time.LocalDate start = Lifecycle.firstSessionDay();
        Map<String, String> proposal = new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("judul", "Bimtek Pengemasan Produk Pangan"), Map.entry("jenis", "BIMTEK"),
                Map.entry("penyelenggara", "Disperindakop dan UKM Kota Tangerang"),
                Map.entry("mata_anggaran", line.getCode() + "|" + line.getFiscalYear()),
                Map.entry("batas", start.minusDays(5).atTime(16, 0).toString()), Map.entry("minimum", "5"),
                Map.entry("ambang", "80"), Map.entry("alokasi", "FIRST_COME"), Map.entry("bidang_FOOD", "ya"),
                Map.entry("gelombang", "1"), Map.entry("g0_nama", "Gelombang 1"), Map.entry("g0_tempat", "Aula Disperindakop"),
                Map.entry("g0_mulai", start.toString()), Map.entry("g0_selesai", start.plusDays(1).toString()),
                Map.entry("g0_cara", "HYBRID"), Map.entry("g0_kuota", "25"), Map.entry("g0_sesi", "2"),
                Map.entry("item", "1"), Map.entry("i0_uraian", "Honorarium instruktur"), Map.entry("i0_jumlah", "6.000.000")));
        PageBrowser staff = new PageBrowser(port).signIn("staff");
        staff.get("/kerja/usulan/baru"); // the form's token
        HttpResponse<String> detailed = staff.post("/kerja/usulan", with(proposal, "aksi", "rinci-gelombang-0"), true);
        assertThat(detailed.body()).contains("Jadwal per sesi", "name=\"g0_s1_tanggal\" value=\"" + start.plusDays(1) + "\"",
                "value=\"Sesi 2\"");

        proposal.putAll(Map.of("g0_rinci", "ya", "g0_s0_tanggal", start.toString(), "g0_s0_mulai", "09:00", "g0_s0_selesai", "12:00",
                "g0_s0_cara", "ON_SITE", "g0_s0_tempat", "Aula Disperindakop", "g0_s0_topik", "Desain kemasan",
                "g0_s1_tanggal", start.plusDays(5).toString(), "g0_s1_mulai", "13:00", "g0_s1_selesai", "15:00"));
        proposal.putAll(Map.of("g0_s1_cara", "ONLINE", "g0_s1_tempat", "https://zoom.us/j/3175", "g0_s1_topik", "Label dan izin edar"));
        HttpResponse<String> outside = staff.post("/kerja/usulan", with(proposal, "aksi", "simpan"), true);
        assertThat(outside.statusCode()).isEqualTo(200);
        assertThat(outside.body()).contains("tanggal sesi di luar tanggal gelombang");

        proposal.put("g0_s1_tanggal", start.plusDays(1).toString());
        HttpResponse<String> saved = staff.post("/kerja/usulan", with(proposal, "aksi", "simpan"), true);
        long programId = Long.parseLong(saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/kerja/usulan/", ""));
        List<id.bimtek.proposal.BatchSession> plan = lifecycle.program(programId).getBatches().get(0).getSessionPlan();
        assertThat(plan).extracting(id.bimtek.proposal.BatchSession::getTopic).containsExactly("Desain kemasan", "Label dan izin edar");
        assertThat(plan.get(1).getMode()).isEqualTo(id.bimtek.proposal.SessionMode.ONLINE);
        assertThat(plan.get(1).getMeetingLink()).isEqualTo("https://zoom.us/j/3175");
        assertThat(plan.get(0).getStartTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        // opened again, the detailed plan is shown as it was saved
        assertThat(staff.get("/kerja/usulan/" + programId).body()).contains("Jadwal per sesi", "value=\"Desain kemasan\"",
                "value=\"https://zoom.us/j/3175\"");
    }

    @Test
    void staffUploadApplicantsCollectedOnPaperAndSeeEachRowsFate() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        String siti = Lifecycle.nextNik();
        String csv = "nik;nama;nama_usaha;bidang;kecamatan;telepon;gelombang\n"
                + siti + ";Siti Aminah;Konveksi Siti;APPAREL;Cibodas;081212345678;Gelombang 1\n"
                + siti + ";Siti A.;Konveksi Lain;APPAREL;Cibodas;081212345670;Gelombang 1\n"
                + "12345;Budi;Keripik Budi;APPAREL;Cibodas;081212345671;Gelombang 1\n";
        String page = "/kerja/program/" + program.getId() + "/pendaftar";
        PageBrowser staff = new PageBrowser(port).signIn("staff");
        assertThat(staff.get(page).body()).contains("Unggah daftar pendaftar", "Belum ada pendaftar");

        // the import runs in the background; its page shows how far it got, then every row's fate
        HttpResponse<String> started = staff.postFile(page + "/impor", "berkas", "kelurahan.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(302);
        String run = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(run).matches(page + "/impor/\\d+");
        HttpResponse<String> report = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> staff.get(run), response -> response.body().contains("baris diproses:"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("3 baris diproses: 1 mendapat kursi, 0 daftar tunggu, 0 lamaran diterima, 1 ditolak, 1 tidak valid",
                "NIK ini sudah terdaftar di program ini", "kolom nik", siti.substring(0, 6) + "******" + siti.substring(12));
        assertThat(registrations.ofProgram(program.getId())).singleElement()
                .satisfies(registration -> assertThat(registration.name()).isEqualTo("Siti Aminah"));
        HttpResponse<String> list = staff.get(page);
        assertThat(list.body()).contains("Gelombang 1 (1 pendaftar)", "Siti Aminah", "terdaftar", "konveksi")
                .doesNotContain(siti);
        assertThat(new PageBrowser(port).signIn("department-head").postFile(page + "/impor", "berkas", "x.csv", csv.getBytes())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void headsNameADeputyEndItAndCancelAProgrammeOnThePages() throws Exception {
        PageBrowser head = new PageBrowser(port).signIn("department-head");
        assertThat(head.get("/kerja").body()).contains("Wakil selama berhalangan");
        assertThat(head.get("/kerja/wakil").body()).contains("Tunjuk wakil", "value=\"department-secretary\"")
                .doesNotContain("value=\"department-head\"");
        assertThat(head.follow(head.post("/kerja/wakil", Map.of("sampai", "2030-01-01"), true)).body())
                .contains("Pilih wakil dan sampai tanggal berapa");
        String until = java.time.LocalDate.now(id.bimtek.shared.Wib.ZONE).plusDays(5).toString();
        // the service's refusal in the head's words, not the API's English
        assertThat(head.follow(head.post("/kerja/wakil", Map.of("wakil", "staff", "sampai", until), true)).body())
                .contains("staff bukan kepala, jadi tidak dapat menjadi wakil").doesNotContain("Tidak dapat dilakukan");
        assertThat(jdbc.queryForObject("select count(*) from delegation where deputy = 'staff'", Long.class)).isZero();
        HttpResponse<String> named = head.follow(head.post("/kerja/wakil",
                Map.of("wakil", "department-secretary", "sampai", until, "alasan", "Cuti tahunan"), true));
        assertThat(named.body()).contains("mewakili Anda sampai " + until, "Cuti tahunan", "Akhiri sekarang");
        long delegation = jdbc.queryForObject("select max(id) from delegation where principal = 'department-head'", Long.class);
        assertThat(head.follow(head.post("/kerja/wakil/" + delegation + "/akhiri", Map.of(), true)).body())
                .contains("Perwakilan diakhiri").doesNotContain("Akhiri sekarang");
        assertThat(jdbc.queryForObject("select revoked_at is not null from delegation where id = ?", Boolean.class, delegation))
                .isTrue();

        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        String cancel = "/kerja/program/" + program.getId() + "/batal";
        assertThat(head.get(cancel).body()).contains("Alasan pembatalan");
        assertThat(head.follow(head.post(cancel, Map.of("alasan", " "), true)).body()).contains("Tuliskan alasan pembatalan");
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(id.bimtek.proposal.ProgramStatus.REGISTRATION_OPEN);
        HttpResponse<String> cancelled = head.post(cancel, Map.of("alasan", "Gedung pelatihan rusak akibat banjir"), true);
        assertThat(head.follow(cancelled).body()).contains("Program " + program.getCode() + " dibatalkan");
        lifecycle.runAsyncSteps(program);
        assertThat(lifecycle.program(program.getId()).getStatus()).isEqualTo(id.bimtek.proposal.ProgramStatus.CANCELLED);
        assertThat(lifecycle.program(program.getId()).getCancellationReason()).isEqualTo("Gedung pelatihan rusak akibat banjir");
        assertThat(head.follow(head.post(cancel, Map.of("alasan", "Sekali lagi"), true)).body())
                .contains("Program " + program.getCode() + " tidak dapat dibatalkan lagi pada tahapnya sekarang");

        assertThat(new PageBrowser(port).signIn("staff").get(cancel).statusCode()).isEqualTo(403);
        assertThat(new PageBrowser(port).signIn("staff").get("/kerja/wakil").statusCode()).isEqualTo(403);
        assertThat(new PageBrowser(port).signIn("division-head").get("/kerja/wakil").statusCode()).isEqualTo(200);
    }

    @Test
    void theDepartmentHeadMovesTheDeadlineAndClosesRegistrationWithAReason() throws Exception {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        lifecycle.register(program, "Siti Aminah");
        String page = "/kerja/program/" + program.getId() + "/pendaftaran";
        PageBrowser head = new PageBrowser(port).signIn("department-head");
        assertThat(head.get(page).body()).contains("Batas saat ini", "Tutup pendaftaran sekarang");
        assertThat(head.follow(head.post(page, Map.of("aksi", "tutup", "alasan", ""), true)).body()).contains("Tuliskan alasannya");

        java.time.LocalDateTime later = java.time.LocalDateTime.now(id.bimtek.shared.Wib.ZONE).plusDays(10).withHour(16).withMinute(0)
                .withSecond(0).withNano(0);
        assertThat(head.follow(head.post(page, Map.of("aksi", "ubah", "batas", later.toString(),
                "alasan", "Pendaftar dari Cibodas belum mendapat informasi"), true)).body()).contains("Batas pendaftaran " + program.getCode() + " menjadi");
        java.time.Instant moved = later.atZone(id.bimtek.shared.Wib.ZONE).toInstant();
        assertThat(lifecycle.program(program.getId()).getRegistrationDeadline()).isEqualTo(moved);
        assertThat(management.createJobQuery().processInstanceId(lifecycle.instanceOf(program).getId()).timers()
                .activityId("registrationDeadline").singleResult().getDuedate().toInstant()).isEqualTo(moved);

        assertThat(head.follow(head.post(page, Map.of("aksi", "tutup", "alasan", "Kuota terpenuhi, jadwal dimajukan"), true)).body())
                .contains("ditutup sekarang");
        lifecycle.passTime(Duration.ofSeconds(1)); // the job executor's part: the timer is due now
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("confirmParticipants");
        assertThat(lifecycle.auditKinds(program)).contains("REGISTRATION_DEADLINE_CHANGED");
        assertThat(jdbc.queryForList("select decision from decision where program_id = ? and task_key = 'changeRegistrationDeadline' "
                + "order by id", String.class, program.getId())).containsExactly("MOVE_DEADLINE", "CLOSE_REGISTRATION");
        assertThat(new PageBrowser(port).signIn("staff").get(page).statusCode()).isEqualTo(403);
    }

    // --- helpers

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    /** Two graduates of one batch, their closing report approved: the programme waits for its first round. */
    private Program inFollowUp() {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 5, 1, 10_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = batchId(program, 0);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, List.of(siti.id(), dewi.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of("realisedItems",
                List.of(Map.of("description", "Honorarium instruktur", "amount", 9_500_000))));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);
        assertThat(lifecycle.instanceOf(program)).isWaitingAt("roundDue");
        return program;
    }

    private void outcome(Program program, long graduate, int round, long revenue) {
        followUp.recordOutcome(program.getId(), graduate, round, true, BigDecimal.valueOf(revenue), 2, STAFF.id());
    }

    private long batchId(Program program, int index) {
        return lifecycle.program(program.getId()).getBatches().get(index).getId();
    }

    /** The sewing Bimtek in two batches of five, the second starting three days after the first. */
    private ProgramRequest twoBatches(BudgetLine line) {
        ProgramRequest one = lifecycle.sewingBimtek(line, 5, 1, 10_000_000);
        ProgramRequest.BatchRequest first = one.batches().get(0);
        ProgramRequest.BatchRequest second = new ProgramRequest.BatchRequest("Gelombang 2", List.of("APPAREL"),
                first.startDate().plusDays(3), first.endDate().plusDays(3), first.venue(), DeliveryMode.OFFLINE, 5, 3);
        return new ProgramRequest(one.title(), one.kind(), one.agency(), one.regionCode(), one.budgetLineCode(),
                one.fiscalYear(), one.registrationDeadline(), one.minimumParticipants(), one.completionThresholdPercent(),
                one.followUpRounds(), one.tracks(), List.of(first, second), one.budgetItems());
    }
}
