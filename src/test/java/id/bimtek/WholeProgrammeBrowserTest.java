package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRepository;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.ApplicantForm;
import id.bimtek.support.HeadlessChromium;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import id.bimtek.support.TasklistPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Kota Tangerang sewing Bimtek carried from nothing to COMPLETED in a browser, as its people would: the
 * administrator opens the budget line, staff write and send the proposal, the division head sends it back in
 * Tasklist, staff revise it, the heads approve it, applicants register on /daftar (one withdraws, the next
 * accepts the seat offered), staff upload a paper list, the department head closes registration with a reason,
 * staff confirm the list, record attendance on a phone, file the closing report, the head approves it, staff
 * record two monitoring rounds, and the auditor finds the decisions. Only time is moved by the test, through
 * the engine's clock (the session days, the monitoring rounds); nothing moves the programme but the pages.
 * Screenshots of each step go to target/WholeProgramme-*.png. Runs with -Pbrowser.
 */
@LifecycleTest
class WholeProgrammeBrowserTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static final String TITLE = "Bimtek Pengembangan Produk Industri: Menjahit (Tangerang)";

    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;
    @Autowired ProgramRepository programs;
    @Autowired RegistrationService registrations;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private int shot;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException().ifPresent(failure -> {
        try {
            chromium.saveFullPage("WholeProgramme-failure");
            Files.writeString(Path.of("target", "WholeProgramme-failure.html"), browser.getCurrentUrl() + "\n"
                    + browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the evidence: " + e);
        }
    });

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=en-US");
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(250));
        // a page replaced while a condition reads it answers with a transient inspector error: read it again
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            lifecycle.resetClock();
            lifecycle.assertStatusesMatchProcesses();
        }
    }

    @Test
    void theSewingBimtekFromNothingToCompletedInTheBrowser() throws IOException {
        TasklistPage tasklist = new TasklistPage(browser, base());
        LocalDate start = Lifecycle.firstSessionDay();

        // the administrator opens the year's budget line
        signIn("admin");
        click(By.linkText("Mata anggaran"));
        String lineCode = Lifecycle.nextBudgetCode();
        fill("form[action$='/kerja/anggaran'] ", Map.of("kode", lineCode, "tahun", String.valueOf(start.getYear()),
                "nama", "Pemberdayaan Industri dan Peran Serta Masyarakat", "instansi", "Disperindakop dan UKM Kota Tangerang",
                "pagu", "500.000.000"));
        click(By.xpath("//button[normalize-space()='Buat mata anggaran']"));
        flash("Mata anggaran " + lineCode);
        screenshots("budget-line");

        // staff write the proposal and send it
        signIn("staff");
        click(By.linkText("Usulan baru"));
        fill(Map.ofEntries(Map.entry("judul", TITLE), Map.entry("penyelenggara", "Disperindakop dan UKM Kota Tangerang"),
                Map.entry("batas", start.minusDays(6).atTime(16, 0).toString()), Map.entry("minimum", "2"),
                Map.entry("g0_tempat", "SMKN 3 Kota Tangerang"), Map.entry("g0_mulai", start.toString()),
                Map.entry("g0_selesai", start.plusDays(2).toString()), Map.entry("g0_kuota", "39"), Map.entry("g0_sesi", "3"),
                Map.entry("i0_jumlah", "9.000.000"), Map.entry("i1_jumlah", "15.600.000")));
        new Select(browser.findElement(By.name("mata_anggaran"))).selectByValue(lineCode + "|" + start.getYear());
        tick(By.name("bidang_APPAREL"));
        screenshots("proposal");
        click(By.xpath("//button[normalize-space()='Ajukan untuk ditelaah']"));
        flash("diajukan untuk ditelaah");
        Program program = programs.findAll().stream().filter(p -> p.getTitle().equals(TITLE)).findFirst().orElseThrow();

        // the division head sends it back in Tasklist
        tasklist.open("division-head", lifecycle.task(program, "reviewProposal").getId())
                .choose("Kembalikan untuk revisi").comment("Kuota 39 terlalu besar untuk satu ruang praktik; jadikan 3 untuk uji coba").complete();

        // staff revise from their task list
        signIn("staff");
        kerjakan("Perbaiki usulan", program);
        assertThat(text("#sent-back")).contains("Kuota 39 terlalu besar");
        fill(Map.of("g0_kuota", "3"));
        screenshots("revise");
        click(By.xpath("//button[normalize-space()='Ajukan kembali']"));
        flash("diajukan kembali");

        tasklist.open("division-head", lifecycle.task(program, "reviewProposal").getId()).choose("Setujui")
                .comment("Sesuai rencana kerja").complete();
        tasklist.open("department-head", lifecycle.task(program, "approveBudget").getId()).choose("Setujui")
                .comment("Anggaran tersedia pada pagu " + start.getYear()).complete();
        waitForStatus(program, ProgramStatus.REGISTRATION_OPEN);

        // four applicants for three seats; the first withdraws and the fourth accepts the seat offered
        browser.manage().deleteAllCookies();
        String[] niks = {Lifecycle.nextNik(), Lifecycle.nextNik(), Lifecycle.nextNik(), Lifecycle.nextNik()};
        String[] names = {"Siti Aminah", "Dewi Lestari", "Rina Wati", "Yuli Astuti"};
        String[] references = new String[4];
        for (int i = 0; i < 4; i++) {
            browser.manage().window().setSize(i == 3 ? PHONE : DESKTOP);
            browser.get(base() + "/daftar/" + program.getId());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik")));
            ApplicantForm.fillIn(browser, niks[i], names[i]);
            // where the business stands today, as people write it: the baseline of the monitoring rounds
            browser.findElement(By.id("monthlyRevenue")).sendKeys("Rp 3.000.000");
            browser.findElement(By.id("employees")).sendKeys("1");
            if (i == 1) {
                browser.findElement(By.id("email")).sendKeys("dewi.lestari@contoh.id");
            }
            references[i] = ApplicantForm.submitAndReadReference(browser, wait, i == 3 ? "WAITLISTED" : "REGISTERED");
        }
        screenshotWindow("daftar-waitlisted-phone");
        lookUp(niks[0], references[0]);
        click(By.cssSelector("#withdraw summary"));
        click(By.id("withdraw-confirm"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("withdrawn-notice")));
        lookUp(niks[3], references[3]);
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("OFFERED");
        click(By.id("accept-offer"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-notice")));
        screenshotWindow("daftar-seat-accepted-phone");

        // staff upload the list collected at the village office: the batch is full, so the waiting list
        signIn("staff");
        browser.get(base() + "/kerja/program/" + program.getId() + "/pendaftar");
        Path csv = Files.createTempFile("kelurahan-", ".csv");
        Files.writeString(csv, "nik;nama;nama_usaha;bidang;kecamatan;telepon;gelombang\n"
                + Lifecycle.nextNik() + ";Nur Hasanah;Konveksi Nur;APPAREL;Cibodas;081212345670;Gelombang 1\n"
                + "12345;Budi;Keripik Budi;APPAREL;Cibodas;081212345671;Gelombang 1\n", StandardCharsets.UTF_8);
        browser.findElement(By.name("berkas")).sendKeys(csv.toAbsolutePath().toString());
        click(By.xpath("//button[normalize-space()='Unggah dan daftarkan']"));
        flash("2 baris diproses: 0 mendapat kursi, 1 daftar tunggu");
        screenshots("applicants");
        // what became of each message to the applicants: the SMS gateway is not set up here, e-mail is logged
        click(By.linkText("Pesan ke pendaftar: terkirim, menunggu, gagal"));
        assertThat(text("#pesan")).contains("0812****5678", "d***@contoh.id", "Anda masuk daftar tunggu");
        screenshots("messages");

        // the department head moves the batch a day later to another hall; its applicants are told
        signIn("department-head");
        click(By.xpath("//li[contains(., '" + program.getCode() + "')]//a[normalize-space()='Pindah jadwal']"));
        LocalDate moved = lifecycle.program(program.getId()).getBatches().get(0).getStartDate().plusDays(1);
        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"input[name='mulai']\").value = arguments[0]",
                moved.toString());
        browser.findElement(By.name("tempat")).sendKeys("Aula BLK Kota Tangerang");
        browser.findElement(By.name("alasan")).sendKeys("Aula Disperindag dipakai kegiatan provinsi");
        click(By.xpath("//button[normalize-space()='Pindah Gelombang 1']"));
        flash("pendaftar diberi tahu");
        screenshots("schedule");

        // the department head closes registration now, with a reason; the engine's timer takes it from there
        browser.get(base() + "/kerja/program/" + program.getId() + "/pendaftaran");
        List<WebElement> reasons = browser.findElements(By.name("alasan"));
        reasons.get(1).sendKeys("Kuota terpenuhi; jadwal pelatihan tetap");
        click(By.xpath("//button[normalize-space()='Tutup pendaftaran sekarang']"));
        flash("ditutup sekarang");
        lifecycle.passTime(Duration.ofSeconds(1)); // what the job executor does in production: the timer is due

        // staff confirm the list in Tasklist
        tasklist.open("staff", lifecycle.task(program, "confirmParticipants").getId()).complete();
        waitForStatus(program, ProgramStatus.IN_DELIVERY);

        // the batch is held: staff at the venue, on a phone
        lifecycle.sessionsHeld(program);
        signIn("staff");
        browser.manage().window().setSize(PHONE);
        kerjakan("Catat kehadiran Gelombang 1", program);
        for (int session = 1; session <= 3; session++) {
            if (session > 1) {
                click(By.xpath("//ul[contains(@class,'sessions')]//a[contains(., 'Sesi " + session + "')]"));
            }
            click(By.linkText("Tandai semua hadir"));
            wait.until(ExpectedConditions.urlContains("isi=semua"));
            click(By.xpath("//button[starts-with(normalize-space(), 'Simpan kehadiran sesi " + session + "')]"));
            flash("Kehadiran sesi " + session + " tersimpan");
        }
        chromium.saveFullPage(name("attendance-phone"));
        click(By.name("yakin"));
        click(By.xpath("//button[normalize-space()='Tutup kehadiran Gelombang 1']"));
        flash("ditutup");

        // the closing report, then the head's approval in Tasklist
        browser.manage().window().setSize(DESKTOP);
        kerjakan("Susun laporan penutupan", program);
        fill(Map.of("realisasi_0", "9.000.000", "realisasi_1", "14.100.000", "catatan", "Pelatihan selesai; 3 peserta lulus"));
        screenshots("closing-report");
        click(By.xpath("//button[normalize-space()='Ajukan laporan ke kepala dinas']"));
        flash("diajukan ke kepala dinas");
        tasklist.open("department-head", lifecycle.task(program, "approveClosingReport").getId()).choose("Setujui")
                .comment("Sesuai bukti").complete();
        waitForStatus(program, ProgramStatus.FOLLOW_UP);

        // two monitoring rounds, when they fall due
        for (int round = 1; round <= 2; round++) {
            lifecycle.passTime(Duration.ofDays(95));
            signIn("staff");
            kerjakan("Catat hasil pemantauan, putaran " + round, program);
            for (WebElement select : browser.findElements(By.cssSelector("select[name^='aktif_']"))) {
                new Select(select).selectByValue("ya");
            }
            for (WebElement revenue : browser.findElements(By.cssSelector("input[name^='omzet_']"))) {
                revenue.sendKeys(round == 1 ? "4.500.000" : "5.250.000");
            }
            for (WebElement employees : browser.findElements(By.cssSelector("input[name^='karyawan_']"))) {
                employees.sendKeys("2");
            }
            click(By.xpath("//button[normalize-space()='Simpan hasil putaran " + round + "']"));
            flash("3 hasil putaran " + round + " tersimpan");
            if (round == 1) {
                screenshots("monitoring");
            }
            click(By.xpath("//button[normalize-space()='Tutup putaran " + round + "']"));
            flash("Putaran " + round);
        }
        waitForStatus(program, ProgramStatus.COMPLETED);

        // the auditor finds every decision, by whom and when
        signIn("auditor");
        browser.get(base() + "/audit/programs/" + program.getId());
        String timeline = text("#timeline");
        assertThat(timeline).contains("division-head", "department-head", "Kuota 39 terlalu besar", "Sesuai bukti",
                "Kuota terpenuhi; jadwal pelatihan tetap", "dikembalikan untuk perbaikan", "disetujui");
        assertThat(text("#verification")).contains("terverifikasi");
        // the whole programme's trail folds into its stages: a page one reads, not one scrolls through
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        System.out.println("auditor's timeline of the whole programme: " + height + " px tall at desktop size");
        assertThat(height).isLessThan(8_000);
        screenshots("audit");
        browser.get(base() + "/audit/programs/" + program.getId() + "?stage=DELIVERY");
        assertThat(text("#timeline")).contains("Kehadiran gelombang ditutup", "Kehadiran dicatat");
        browser.get(base() + "/audit/programs/" + program.getId() + "?stage=FOLLOW_UP");
        assertThat(text("#timeline")).contains("Putaran pemantauan ditutup");
        screenshots("audit-follow-up");

        // the head sees what it achieved: graduates' revenue from Rp 3.000.000 when they applied to 4.500.000, then 5.250.000
        signIn("department-head");
        browser.get(base() + "/kerja/capaian?instansi=" + java.net.URLEncoder.encode(program.getAgency(),
                java.nio.charset.StandardCharsets.UTF_8) + "&rincian=pemantauan");
        assertThat(text("#program")).isNotEmpty();
        assertThat(browser.getPageSource()).contains(program.getCode());
        assertThat(text("#putaran")).contains("Putaran 1", "Putaran 2");
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('grafik-omzet') && !!Chart.getChart('grafik-aktif')"));
        screenshots("capaian");

        List<RegistrationView> all = registrations.ofProgram(program.getId());
        assertThat(all).filteredOn(r -> r.status() == RegistrationStatus.CONFIRMED).extracting(RegistrationView::name)
                .containsExactlyInAnyOrder("Dewi Lestari", "Rina Wati", "Yuli Astuti");
        assertThat(all).filteredOn(r -> Boolean.TRUE.equals(r.completed())).hasSize(3);
    }

    // --- helpers

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(DESKTOP);
        browser.get(base() + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        // filled and sent by script: headless Chromium may drop synthetic keystrokes in a first tab
        ((JavascriptExecutor) browser).executeScript("""
                document.querySelector("input[name='username']").value = arguments[0];
                document.querySelector("input[name='password']").value = arguments[0];
                document.querySelector("main form").submit();""", user);
        wait.until(ExpectedConditions.urlMatches("/(kerja|audit)/?$"));
    }

    /** From the workspace's "Menunggu Anda", the task of that name of this programme (other tests leave theirs). */
    private void kerjakan(String task, Program program) {
        browser.get(base() + "/kerja");
        click(By.xpath("//tr[.//strong[normalize-space()='" + task + "'] and contains(., '" + program.getCode() + "')]"
                + "//a[normalize-space()='Kerjakan']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    private void lookUp(String nik, String reference) {
        browser.get(base() + "/daftar/cek");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik"))).sendKeys(nik);
        browser.findElement(By.id("reference")).sendKeys(reference);
        browser.findElement(By.cssSelector("#check-form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
    }

    /** Sets the inputs by name, as typing would leave them. */
    private void fill(Map<String, String> values) {
        fill("", values);
    }

    /** The same within the element {@code scope} (a CSS selector and a space, or nothing) names. */
    private void fill(String scope, Map<String, String> values) {
        values.forEach((name, value) -> {
            WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(scope + "[name='" + name + "']")));
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
        });
    }

    private void tick(By locator) {
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        if (!box.isSelected()) {
            click(locator);
        }
    }

    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private void flash(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), expected));
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    private void waitForStatus(Program program, ProgramStatus status) {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250)).withMessage("status " + status)
                .until(driver -> programs.findById(program.getId()).orElseThrow().getStatus() == status);
    }

    private void screenshots(String step) throws IOException {
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(DESKTOP);
        chromium.saveFullPage(name(step + "-desktop"));
        browser.manage().window().setSize(PHONE);
        chromium.saveFullPage(name(step + "-phone"));
        browser.manage().window().setSize(size);
    }

    private void screenshotWindow(String step) throws IOException {
        chromium.saveWindow(name(step));
    }

    private String name(String step) {
        return String.format("WholeProgramme-%02d-%s", ++shot, step);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
