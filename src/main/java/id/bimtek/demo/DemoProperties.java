package id.bimtek.demo;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo users and the demo budget line of the default run ({@code lifecycle.demo.*}). */
@ConfigurationProperties(prefix = "lifecycle.demo")
public record DemoProperties(boolean enabled, List<DemoUser> users, DemoBudgetLine budgetLine) {

    public record DemoUser(String id, String password, String firstName, String lastName, List<String> groups) {
    }

    /** The demo's line; without a fiscal year it is a line of the current year (WIB). */
    public record DemoBudgetLine(String code, String name, String agency, Integer fiscalYear, String source,
                                 BigDecimal ceiling) {

        public int year() {
            return fiscalYear != null ? fiscalYear : java.time.Year.now(id.bimtek.shared.Wib.ZONE).getValue();
        }
    }
}
