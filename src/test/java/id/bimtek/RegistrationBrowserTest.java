package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.registration.RegistrationService;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.registration.RegistrationView;
import id.bimtek.support.ApplicantForm;
import id.bimtek.support.HeadlessChromium;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two applicants compete for the one seat of a programme on the public registration pages in a real
 * browser (headless Chromium): the live check of the NIK, the answer on the spot (a seat, then the
 * waiting list), the lookup with NIK and reference, the withdrawal that offers the seat on, B accepting the offer, and the
 * English switch. Desktop and phone screenshots go to target/. Runs with -Pbrowser (see README).
 */
@LifecycleTest
class RegistrationBrowserTest {

    private static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;

    private WebDriver browser;
    private WebDriverWait wait;
    private HeadlessChromium chromium;

    /** Runs before @AfterEach, while the browser is still open: what the page looked like when the test failed. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> saveEvidence("failure"));

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=en-US");
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
        }
    }

    @Test
    void twoApplicantsOneSeatAWithdrawalHandsItOn() throws IOException {
        Program program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
        String nikA = Lifecycle.nextNik();
        String nikB = Lifecycle.nextNik();

        // the programmes, in Bahasa Indonesia although the browser asks for English
        browser.get(base() + "/daftar");
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programme-" + program.getId())));
        assertThat(listed.getText()).contains(program.getTitle(), "Gelombang 1", "sisa 1 dari 1 kursi", "WIB");
        viewScreenshot("desktop-programmes", listed);
        listed.findElement(By.cssSelector("a.button")).click();

        // applicant A: a NIK too short is answered while typing, then registered with a seat
        WebElement nik = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik")));
        nik.sendKeys("3671014508");
        wait.until(ExpectedConditions.textToBe(By.id("nik-error"), "NIK harus 16 angka."));
        screenshot("desktop-form-live-check");
        nik.clear();
        fillIn(nikA, "Siti Aminah");
        assertThat(browser.findElement(By.id("nik-error")).getText()).isEmpty();
        String referenceA = submitAndReadReference("REGISTERED");
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("Anda terdaftar.", "Gelombang 1");
        screenshot("desktop-registered");

        // applicant B, on a phone: the batch is full, so the waiting list
        browser.manage().window().setSize(PHONE);
        browser.get(base() + "/daftar");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("programme-" + program.getId()),
                "penuh, hanya daftar tunggu"));
        viewScreenshot("phone-programmes", browser.findElement(By.id("programme-" + program.getId())));
        browser.get(base() + "/daftar/" + program.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik"))).sendKeys("12");
        wait.until(ExpectedConditions.textToBe(By.id("nik-error"), "NIK harus 16 angka."));
        screenshot("phone-form-live-check");
        browser.findElement(By.id("nik")).clear();
        fillIn(nikB, "Dewi Lestari");
        String referenceB = submitAndReadReference("WAITLISTED");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anda masuk daftar tunggu, nomor urut 1.");
        screenshot("phone-waitlisted");

        // A looks the registration up with NIK and reference, and withdraws after confirming
        browser.get(base() + "/daftar/cek");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik"))).sendKeys(nikA);
        browser.findElement(By.id("reference")).sendKeys(referenceA);
        browser.findElement(By.cssSelector("#check-form button[type='submit']")).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(status.getAttribute("data-status")).isEqualTo("REGISTERED");
        assertThat(browser.findElement(By.id("registration")).getText()).contains(program.getTitle(), "Siti Aminah", referenceA);
        browser.findElement(By.cssSelector("#withdraw summary")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw-confirm")));
        screenshot("phone-withdraw-confirmation");
        confirm.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("withdrawn-notice")));
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("WITHDRAWN");
        screenshot("phone-withdrawn");

        // the seat A gave up is offered to B, who accepts it before the offer time runs out
        browser.get(base() + "/daftar/cek");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik"))).sendKeys(nikB);
        browser.findElement(By.id("reference")).sendKeys(referenceB);
        browser.findElement(By.cssSelector("#check-form button[type='submit']")).click();
        status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(status.getAttribute("data-status")).isEqualTo("OFFERED");
        assertThat(status.getText()).contains("Ada kursi kosong untuk Anda", "WIB");
        screenshot("phone-seat-offered");
        browser.findElement(By.id("accept-offer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-notice")));
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("REGISTERED");
        // with a seat, her schedule: every session's day, times and place
        assertThat(browser.findElement(By.id("schedule")).getText()).contains("08.00–16.00 WIB", "tatap muka di");
        screenshot("phone-seat-accepted-schedule");

        RegistrationView a = registrations.ofProgram(program.getId()).stream().filter(r -> r.nik().equals(nikA)).findFirst().orElseThrow();
        RegistrationView b = registrations.ofProgram(program.getId()).stream().filter(r -> r.nik().equals(nikB)).findFirst().orElseThrow();
        assertThat(a.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(b.status()).isEqualTo(RegistrationStatus.REGISTERED);

        // once in English: the switch keeps the page and translates it
        browser.findElement(By.id("switch-language")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Check my registration"));
        assertThat(browser.findElement(By.cssSelector("label[for='reference']")).getText()).isEqualTo("Registration number");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        screenshot("phone-english");
        browser.manage().window().setSize(DESKTOP);
        browser.get(base() + "/daftar");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("programme-" + program.getId()))).getText())
                .contains("Registration closes", "full, waiting list only"); // B holds the seat A gave up
    }

    private void fillIn(String nik, String name) {
        ApplicantForm.fillIn(browser, nik, name);
    }

    private String submitAndReadReference(String expectedOutcome) {
        return ApplicantForm.submitAndReadReference(browser, wait, expectedOutcome);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The whole page, as tall as it is, at the window's width. */
    private void screenshot(String name) throws IOException {
        chromium.saveFullPage("RegistrationBrowserTest-" + name);
    }

    /** What the window shows with the element at its top: the programme list grows with every test's programmes. */
    private void viewScreenshot(String name, WebElement top) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", top);
        chromium.saveWindow("RegistrationBrowserTest-" + name);
    }

    private void saveEvidence(String name) {
        try {
            screenshot(name);
            Files.writeString(Path.of("target", "RegistrationBrowserTest-" + name + ".html"),
                    browser.getCurrentUrl() + "\n" + browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the evidence: " + e);
        }
    }

}
