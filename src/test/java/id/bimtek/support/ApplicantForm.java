package id.bimtek.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The registration form of {@code /daftar/{id}} as an applicant fills it in, for the browser tests. */
public final class ApplicantForm {

    private ApplicantForm() {
    }

    public static void fillIn(WebDriver browser, String nik, String name) {
        browser.findElement(By.id("nik")).sendKeys(nik);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("businessName")).sendKeys("Konveksi " + name);
        new Select(browser.findElement(By.id("sector"))).selectByValue("APPAREL");
        browser.findElement(By.id("district")).sendKeys("Cibodas");
        browser.findElement(By.id("phone")).sendKeys("0812 1234 5678");
        new Select(browser.findElement(By.id("batch"))).selectByValue("Gelombang 1");
    }

    /** Sends the form and waits for the answer of the expected kind; returns the reference it shows. */
    public static String submitAndReadReference(WebDriver browser, WebDriverWait wait, String expectedOutcome) {
        WebElement submit = browser.findElement(By.cssSelector("#registration-form button[type='submit']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        wait.until(ExpectedConditions.urlContains("/hasil"));
        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-outcome]")));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo(expectedOutcome);
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
        return reference;
    }
}
