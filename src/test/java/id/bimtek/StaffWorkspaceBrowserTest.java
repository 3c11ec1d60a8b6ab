package id.bimtek;

import static id.bimtek.support.Lifecycle.DEPARTMENT_HEAD;
import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.delivery.AttendanceService;
import id.bimtek.followup.FollowUpService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.HeadlessChromium;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff at the venue with a phone: sign in, open "Catat kehadiran Gelombang 1" from the workspace, tick who
 * came (starting from "all present"), save, and close the batch; later record a monitoring round. Screenshots
 * at desktop and phone size go to target/StaffWorkspace-*.png. Runs with -Pbrowser (see README).
 */
@LifecycleTest
class StaffWorkspaceBrowserTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1400, 1000);

    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;
    @Autowired AttendanceService attendance;
    @Autowired FollowUpService followUp;
    @Autowired JdbcTemplate jdbc;

    private WebDriver browser;
    private WebDriverWait wait;
    private HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250));
        // a page replaced while a condition reads it answers with a transient inspector error: read it again
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        lifecycle.resetClock();
    }

    @Test
    void staffRecordAttendanceOnAPhoneAndCloseTheBatch() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 9_000_000));
        List<String> names = List.of("Siti Aminah", "Dewi Lestari", "Rina Wati", "Yuli Astuti", "Nur Hasanah");
        List<RegistrationView> registered = names.stream().map(name -> lifecycle.register(program, name)).toList();
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = lifecycle.program(program.getId()).getBatches().get(0).getId();

        signIn("staff");
        wait.until(ExpectedConditions.urlContains("/kerja"));
        assertThat(text("main")).contains("Menunggu Anda", "Catat kehadiran Gelombang 1", program.getCode());
        chromium.saveFullPage("StaffWorkspace-1-home-desktop");
        browser.manage().window().setSize(PHONE);
        chromium.saveFullPage("StaffWorkspace-1-home-phone");

        browser.findElement(By.xpath("//tr[contains(., '" + program.getCode() + "')]//a[normalize-space()='Kerjakan']")).click();
        wait.until(ExpectedConditions.urlContains("/gelombang/" + batch + "/kehadiran"));
        assertThat(text("h1")).isEqualTo("Kehadiran Gelombang 1");

        // session 1: everyone came but Yuli
        browser.findElement(By.linkText("Tandai semua hadir")).click();
        wait.until(ExpectedConditions.urlContains("isi=semua"));
        checkbox(registered.get(3)).click();
        chromium.saveFullPage("StaffWorkspace-2-sheet-phone");
        browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Simpan kehadiran sesi 1')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "4 hadir, 1 tidak hadir"));
        chromium.saveWindow("StaffWorkspace-3-saved-phone");

        // session 2 as session 1; session 3 left unrecorded (the trainer fell ill)
        browser.findElement(By.xpath("//ul[contains(@class,'sessions')]//a[contains(., 'Sesi 2')]")).click();
        browser.findElement(By.linkText("Sama dengan sesi sebelumnya")).click();
        wait.until(ExpectedConditions.urlContains("isi=sebelumnya"));
        assertThat(checkbox(registered.get(3)).isSelected()).isFalse();
        assertThat(checkbox(registered.get(0)).isSelected()).isTrue();
        browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Simpan kehadiran sesi 2')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Kehadiran sesi 2 tersimpan"));

        browser.findElement(By.name("alasan")).sendKeys("Sesi 3 dibatalkan: instruktur sakit, diganti pada program berikutnya");
        browser.findElement(By.name("yakin")).click();
        chromium.saveFullPage("StaffWorkspace-4-close-phone");
        browser.findElement(By.xpath("//button[normalize-space()='Tutup kehadiran Gelombang 1']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "ditutup"));
        assertThat(jdbc.queryForObject("select count(*) from attendance where batch_id = ? and present", Integer.class, batch))
                .isEqualTo(8);
        assertThat(lifecycle.task(program, "fileClosingReport")).isNotNull();

        browser.manage().window().setSize(DESKTOP);
        browser.get("http://localhost:" + port + "/kerja/program/" + program.getId() + "/gelombang/" + batch + "/kehadiran?sesi=1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        chromium.saveFullPage("StaffWorkspace-5-closed-desktop");
    }

    @Test
    void staffRecordAMonitoringRound() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 9_000_000));
        List<RegistrationView> registered = List.of("Siti Aminah", "Dewi Lestari", "Rina Wati").stream()
                .map(name -> lifecycle.register(program, name)).toList();
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = lifecycle.program(program.getId()).getBatches().get(0).getId();
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, registered.stream().map(RegistrationView::id).toList(), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        lifecycle.complete(program, "fileClosingReport", STAFF, Map.of("realisedItems",
                List.of(Map.of("description", "Honorarium instruktur", "amount", 9_000_000))));
        lifecycle.decide(program, "approveClosingReport", DEPARTMENT_HEAD, "APPROVE", null);
        lifecycle.passTime(Duration.ofDays(95));

        signIn("staff");
        wait.until(ExpectedConditions.urlContains("/kerja"));
        browser.findElement(By.xpath("//tr[contains(., '" + program.getCode() + "')]//a[normalize-space()='Kerjakan']")).click();
        wait.until(ExpectedConditions.urlContains("/pemantauan"));
        long siti = registered.get(0).id();
        long dewi = registered.get(1).id();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("aktif_" + siti))).selectByVisibleText("ya");
        browser.findElement(By.name("omzet_" + siti)).sendKeys("4.750.000");
        browser.findElement(By.name("karyawan_" + siti)).sendKeys("3");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("aktif_" + dewi))).selectByVisibleText("tidak");
        browser.findElement(By.name("omzet_" + dewi)).sendKeys("0");
        browser.findElement(By.name("karyawan_" + dewi)).sendKeys("0");
        chromium.saveFullPage("StaffWorkspace-6-monitoring-desktop");
        browser.findElement(By.xpath("//button[normalize-space()='Simpan hasil putaran 1']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "2 hasil putaran 1 tersimpan"));
        browser.manage().window().setSize(PHONE);
        chromium.saveFullPage("StaffWorkspace-7-monitoring-phone");
        assertThat(followUp.missingOutcomes(program.getId(), 1)).containsExactly(registered.get(2).id());
    }

    /** The other pages of the workspace at desktop and phone size, to look at. */
    @Test
    void theOtherPagesAtDesktopAndPhoneSize() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 39, 1, 9_000_000, 15_600_000));
        List<RegistrationView> registered = List.of("Siti Aminah", "Dewi Lestari", "Rina Wati").stream()
                .map(name -> lifecycle.register(program, name)).toList();
        Program draft = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(300_000_000)));
        lifecycle.decide(draft, "reviewProposal", Lifecycle.DIVISION_HEAD, "REVISE", "Kuota 39 terlalu besar untuk satu ruang praktik; jadikan dua gelombang");

        signIn("staff");
        wait.until(ExpectedConditions.urlContains("/kerja"));
        shoot("/kerja/usulan/baru", "8-new-proposal");
        shoot("/kerja/usulan/" + draft.getId(), "9-revise-proposal");
        browser.findElement(By.xpath("//button[normalize-space()='Rinci jadwal per sesi']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("g0_s2_topik")));
        chromium.saveFullPage("StaffWorkspace-9b-session-plan-desktop");
        browser.manage().window().setSize(PHONE);
        chromium.saveFullPage("StaffWorkspace-9b-session-plan-phone");
        browser.manage().window().setSize(DESKTOP);
        shoot("/kerja/program/" + program.getId() + "/pendaftar", "10-applicants");
        // a large import while it runs (a 10,555-row file takes a few seconds): how far it has got
        long run = jdbc.queryForObject("""
                insert into import_run (program_id, started_by, row_count, decided, state) values (?, 'staff', 10555, 3456, 'RUNNING')
                returning id""", Long.class, program.getId());
        shoot("/kerja/program/" + program.getId() + "/pendaftar/impor/" + run, "10b-import-running");
        assertThat(browser.findElement(By.id("kemajuan")).getText()).contains("3.456 dari 10.555 baris diproses", "(32 %)");
        jdbc.update("update import_run set state = 'FAILED', error = 'test', finished_at = now() where id = ?", run);

        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        lifecycle.sessionsHeld(program);
        long batch = lifecycle.program(program.getId()).getBatches().get(0).getId();
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, registered.subList(0, session == 3 ? 2 : 3).stream()
                    .map(RegistrationView::id).toList(), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        shoot("/kerja/program/" + program.getId() + "/penutupan", "11-closing-report");

        Program open = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        browser.manage().deleteAllCookies();
        signIn("department-head");
        wait.until(ExpectedConditions.urlContains("/kerja"));
        shoot("/kerja", "12-head-home");
        shoot("/kerja/program/" + open.getId() + "/pendaftaran", "13-deadline");
        shoot("/kerja/wakil", "14-deputies");
    }

    private void shoot(String path, String name) throws IOException {
        browser.manage().window().setSize(DESKTOP);
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        chromium.saveFullPage("StaffWorkspace-" + name + "-desktop");
        browser.manage().window().setSize(PHONE);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        chromium.saveFullPage("StaffWorkspace-" + name + "-phone");
        browser.manage().window().setSize(DESKTOP);
    }

    private void signIn(String user) {
        browser.manage().window().setSize(DESKTOP);
        browser.get("http://localhost:" + port + "/kerja");
        wait.until(ExpectedConditions.urlContains("/login"));
        // filled and sent by script: headless Chromium may drop synthetic keystrokes in a first tab
        ((JavascriptExecutor) browser).executeScript("""
                document.querySelector("input[name='username']").value = arguments[0];
                document.querySelector("input[name='password']").value = arguments[0];
                document.querySelector("main form").submit();""", user);
    }

    private org.openqa.selenium.WebElement checkbox(RegistrationView registration) {
        return browser.findElement(By.cssSelector("input[name='hadir'][value='" + registration.id() + "']"));
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }
}
