package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.support.HeadlessChromium;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor answers "who approved this budget, when, and why" in a real browser (headless Chromium):
 * signs in, opens the programme's page, and finds the decision and the verified chain. Screenshots of
 * the desktop and the phone layout go to target/. Runs with -Pbrowser (see README).
 */
@LifecycleTest
class AuditorBrowserTest {


    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;

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
    }

    @Test
    void theAuditorFindsWhoApprovedTheBudgetWhenAndWhy() throws IOException {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", Lifecycle.DIVISION_HEAD, "APPROVE", "Sesuai rencana kerja");
        lifecycle.decide(program, "approveBudget", Lifecycle.DEPARTMENT_HEAD, "APPROVE", "Anggaran tersedia pada pagu 2025");

        String base = "http://localhost:" + port;
        browser.get(base + "/audit/programs/" + program.getId());
        wait.until(ExpectedConditions.urlContains("/login"));
        // filled and sent by script: headless Chromium may drop synthetic keystrokes in a first tab
        ((JavascriptExecutor) browser).executeScript("""
                document.querySelector("input[name='username']").value = 'auditor';
                document.querySelector("input[name='password']").value = 'auditor';
                document.querySelector("form").submit();""");
        wait.until(ExpectedConditions.urlContains("/audit/programs/" + program.getId()));

        String heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
        assertThat(heading).contains(program.getCode()).contains("Bimtek Pengembangan Produk Industri: Menjahit");
        assertThat(browser.findElement(By.id("verification")).getText()).contains("terverifikasi");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("disetujui").contains("department-head").contains("Anggaran tersedia pada pagu 2025");
        screenshot("desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        screenshot("phone");
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), Path.of("target", "AuditorBrowserTest-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
