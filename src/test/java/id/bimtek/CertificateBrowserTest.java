package id.bimtek;

import static id.bimtek.support.Lifecycle.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.delivery.AttendanceService;
import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A graduate finds the download on the lookup page, and whoever scans the certificate's QR code sees whether it
 * is genuine, on a phone and on a desktop. Screenshots go to target/. Runs with -Pbrowser (see README).
 */
@LifecycleTest
class CertificateBrowserTest {

    private static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired AttendanceService attendance;

    private WebDriver browser;
    private WebDriverWait wait;
    private HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=id-ID");
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250));
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
            lifecycle.assertStatusesMatchProcesses();
            lifecycle.resetClock();
        }
    }

    @Test
    void aGraduateFindsTheCertificateAndItsPageSaysItIsGenuine() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 2, 1, 10_000_000));
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        lifecycle.passTime(Duration.ofDays(8));
        lifecycle.complete(program, "confirmParticipants", STAFF, Map.of());
        long batch = program.getBatches().get(0).getId();
        lifecycle.sessionsHeld(program);
        for (int session = 1; session <= 3; session++) {
            attendance.record(program.getId(), batch, session, List.of(siti.id()), STAFF.id());
        }
        lifecycle.complete(program, "recordAttendance", STAFF, Map.of());
        String number = registrations.view(program.getId(), siti.id()).certificateNumber();

        browser.manage().window().setSize(PHONE);
        browser.get(base() + "/daftar/cek");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik"))).sendKeys(siti.nik());
        browser.findElement(By.id("reference")).sendKeys(siti.reference());
        browser.findElement(By.cssSelector("#check-form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("download-certificate")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("Unduh sertifikat (PDF)", number);
        screenshot("phone-lookup-with-certificate");

        browser.get(base() + "/sertifikat/" + number);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate"))).getText())
                .contains("Sertifikat ini asli dan berlaku.", "Si** Am****", program.getTitle()).doesNotContain("Siti Aminah");
        screenshot("phone-genuine");
        browser.manage().window().setSize(DESKTOP);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate")));
        screenshot("desktop-genuine");
        browser.get(base() + "/sertifikat/" + program.getCode() + "/SERT/999");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate"))).getText())
                .contains("Tidak ada sertifikat dengan nomor ini.");
        screenshot("desktop-unknown");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws IOException {
        chromium.saveFullPage("CertificateBrowserTest-" + name);
    }
}
