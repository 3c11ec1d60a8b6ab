package id.bimtek.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist driven as a head or staff member works in it: sign in, open a task, claim it, choose on its
 * Camunda Form and complete it. Headless Chromium drops typed keys in the first tab that opens a Camunda webapp
 * while that tab stays open, so the first tab is opened once and kept, and the work happens in a second one.
 */
public final class TasklistPage {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final String base;

    public TasklistPage(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(base + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        browser.switchTo().newWindow(WindowType.TAB);
    }

    /**
     * Logs in to Tasklist as {@code user} (password = user id). Headless Chromium now and then loses a key or the
     * click on the button: the form is filled until it holds what was typed, and sent again if it stays.
     */
    public static void logIn(WebDriver browser, String base, String user) {
        By username = By.cssSelector("input[ng-model='username']");
        for (int attempt = 1; ; attempt++) {
            browser.get(base + "/camunda/app/tasklist/");
            new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(250))
                    .until(ExpectedConditions.visibilityOfElementLocated(username));
            type(browser, username, user);
            type(browser, By.cssSelector("input[ng-model='password']"), user);
            browser.findElement(By.cssSelector("form button[type='submit']")).click();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(250))
                        .until(ExpectedConditions.invisibilityOfElementLocated(username));
                return;
            } catch (org.openqa.selenium.TimeoutException stillThere) {
                if (attempt == 3) {
                    throw stillThere;
                }
            }
        }
    }

    /** Types into a field until the page holds what was typed: headless Chromium now and then drops keys. */
    public static void type(WebDriver browser, By field, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(500)).withMessage("the typed text reached " + field)
                .until(driver -> {
                    org.openqa.selenium.WebElement input = driver.findElement(field);
                    if (!text.equals(input.getAttribute("value"))) {
                        input.clear();
                        input.sendKeys(text);
                    }
                    return text.equals(input.getAttribute("value"));
                });
    }

    /** Signs in afresh as {@code user}, opens the task and claims it if nobody holds it. */
    public TasklistPage open(String user, String taskId) {
        browser.manage().deleteAllCookies();
        logIn(browser, base, user);
        By claim = By.cssSelector("[cam-tasklist-task-meta] button.claim");
        By complete = By.cssSelector("button[ng-click='complete()']");
        // a full load of the task's address: a change of the hash alone is not always followed after the login
        browser.get("about:blank");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(250))
                        .until(driver -> !driver.findElements(claim).isEmpty() || !driver.findElements(complete).isEmpty());
                break;
            } catch (org.openqa.selenium.TimeoutException notShown) {
                if (attempt == 4) {
                    throw notShown;
                }
                browser.navigate().refresh();
            }
        }
        if (!browser.findElements(claim).isEmpty()) {
            inView(claim).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
        }
        return this;
    }

    /** Picks the radio option with this label (e.g. "Setujui") on the task's form. */
    public TasklistPage choose(String label) {
        By option = By.xpath("//*[contains(@class,'fjs-form-field-radio')]//label[contains(normalize-space(.),'" + label
                + "')]//input[@type='radio']");
        inView(option).click();
        wait.until(ExpectedConditions.elementSelectionStateToBe(option, true));
        return this;
    }

    public TasklistPage comment(String text) {
        By field = By.cssSelector("textarea[id$='Field_comment']");
        inView(field).sendKeys(text);
        wait.until(ExpectedConditions.attributeToBe(field, "value", text));
        return this;
    }

    /** Completes the task and waits until Tasklist no longer offers it. */
    public void complete() {
        By complete = By.cssSelector("button[ng-click='complete()']");
        inView(complete).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(complete));
    }

    private WebElement inView(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }
}
