package id.bimtek;

import static id.bimtek.support.Lifecycle.DIVISION_HEAD;
import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.support.HeadlessChromium;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The department head approves a budget in Camunda Tasklist, in a real (headless) Chromium: Debian's
 * chromium and chromium-driver, see README "Browser test". Excluded from a plain {@code mvn verify};
 * run with {@code -Pbrowser}.
 */
@LifecycleTest
class TasklistBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TITLE = "Bimtek Pengembangan Produk Industri: Menjahit";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort int port;
    @Autowired Lifecycle lifecycle;
    @Autowired TestRestTemplate http;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    /** Runs before @AfterEach, while the browser is still open: what the page looked like when the test failed. */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> context.getExecutionException()
            .ifPresent(failure -> saveEvidence(context.getRequiredTestMethod().getName()));

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=en-US");
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class); // Angular re-renders the lists
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
    void theDepartmentHeadApprovesTheBudgetInTasklist() {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        lifecycle.decide(program, "reviewProposal", DIVISION_HEAD, "APPROVE", "Sesuai rencana kerja");
        String taskId = lifecycle.task(program, "approveBudget").getId();
        String comment = "Anggaran tersedia, disetujui lewat Tasklist " + System.nanoTime();

        // Headless Chromium (Debian's 156) drops typed keys and clicks in the first tab that opens a Camunda
        // webapp, while the tab stays open (scripts still run); a tab opened after it takes input normally.
        // So the first tab opens Tasklist and stays open, and the test works in a second one.
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/";
        By username = By.cssSelector("input[ng-model='username']");
        browser.get(tasklist);
        wait.until(ExpectedConditions.visibilityOfElementLocated(username));
        browser.switchTo().newWindow(WindowType.TAB);

        // log in to Tasklist (the Camunda webapps' login form)
        id.bimtek.support.TasklistPage.logIn(browser, "http://localhost:" + port, "department-head");

        // the head's filter, then the task of this programme in it
        String headsFilter = "//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')]"
                + "[.//h4[contains(@class,'name')]/a[contains(normalize-space(.),'Menunggu persetujuan saya')]]";
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(headsFilter + "//h4/a"))).click();
        wait.until(ExpectedConditions.attributeContains(By.xpath(headsFilter), "class", "active"));
        // newest first: this programme's task is on the first page, with its code beside it
        By ours = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][contains(normalize-space(.),'"
                + program.getCode() + "')]//h4[contains(@class,'task')]/a");
        inView(ours).click(); // after a full test run the list is long and the footer covers its end
        wait.until(ExpectedConditions.urlContains("task=" + taskId));

        // the Camunda Form shows the programme
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"),
                "Setujui anggaran"));
        assertThat(fieldValue("textarea", "Field_programBudget", "Jumlah: Rp 24.600.000")).contains("Honorarium instruktur");
        assertThat(fieldValue("input", "Field_programTitle", TITLE)).isEqualTo(TITLE);
        assertThat(fieldValue("input", "Field_programCode", program.getCode())).isEqualTo(program.getCode());

        // claim it, decide, complete
        // (the task waits for the group; Tasklist keeps the form disabled until the user claims it)
        By claim = By.cssSelector("[cam-tasklist-task-meta] button.claim");
        wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));

        // a rejection without its reason: Tasklist shows why, in the head's words, and the task stays open
        By reject = By.xpath("//*[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.),'Tolak')]//input[@type='radio']");
        inView(reject).click();
        wait.until(ExpectedConditions.elementSelectionStateToBe(reject, true));
        inView(By.cssSelector("button[ng-click='complete()']")).click();
        By refusal = By.xpath("//*[contains(normalize-space(.),'Isi Catatan: keputusan “ditolak” perlu alasannya')]"
                + "[not(.//*[contains(normalize-space(.),'Isi Catatan')])]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(refusal));
        saveEvidence("refusal");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-");
        assertThat(lifecycle.task(program, "approveBudget").getAssignee()).isEqualTo("department-head");
        // the message covers the form's buttons until it is closed
        inView(By.cssSelector("[notifications-panel] button[ng-click^='removeNotification']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(refusal));

        By approve = By.xpath("//*[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.),'Setujui')]//input[@type='radio']");
        inView(approve).click();
        wait.until(ExpectedConditions.elementSelectionStateToBe(approve, true));
        By commentField = By.cssSelector("textarea[id$='Field_comment']");
        inView(commentField).sendKeys(comment);
        wait.until(ExpectedConditions.attributeToBe(commentField, "value", comment));
        inView(By.cssSelector("button[ng-click='complete()']")).click();

        // the programme moved on, and the decision is recorded under the head's name
        new FluentWait<>(program.getId()).withTimeout(WAIT).pollingEvery(Duration.ofMillis(500))
                .withMessage("programme status after completing the task in Tasklist")
                .until(id -> ProgramStatus.REGISTRATION_OPEN.name().equals(get("/api/programs/" + id, OBJECT).get("status")));
        List<Map<String, Object>> history = get("/api/programs/" + program.getId() + "/history", LIST);
        assertThat(history).anySatisfy(entry -> {
            assertThat(entry).containsEntry("type", "DECISION").containsEntry("actor", "department-head");
            assertThat((String) entry.get("detail")).contains("APPROVE: " + comment);
        });
        // and Tasklist no longer offers the task
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
    }

    /** The element, once clickable, scrolled to the middle of the view (the page has a fixed footer). */
    private WebElement inView(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** The value of a (disabled) form-js field, once it contains the expected text. */
    private String fieldValue(String tag, String componentId, String expected) {
        By field = By.cssSelector(tag + "[id$='" + componentId + "']");
        new WebDriverWait(browser, WAIT, Duration.ofMillis(250)).withMessage(componentId + " containing " + expected)
                .until(driver -> {
                    List<WebElement> found = driver.findElements(field);
                    return !found.isEmpty() && String.valueOf(found.get(0).getDomProperty("value")).contains(expected);
                });
        return browser.findElement(field).getDomProperty("value");
    }

    private <T> T get(String path, ParameterizedTypeReference<T> type) {
        ResponseEntity<T> response = http.withBasicAuth("auditor", "auditor").exchange(path, HttpMethod.GET, null, type);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void saveEvidence(String name) {
        if (browser == null) {
            return;
        }
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve(getClass().getSimpleName() + "-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolve(getClass().getSimpleName() + "-" + name + ".html"),
                    browser.getCurrentUrl() + "\n" + browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the screenshot: " + e);
        }
    }

}
