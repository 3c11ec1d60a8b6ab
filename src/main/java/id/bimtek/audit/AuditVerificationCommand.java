package id.bimtek.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bimtek-lifecycle.jar --lifecycle.audit.verify-and-exit=true}: verifies the audit chain of
 * every programme, prints each result, and exits with status 1 if any chain is broken.
 */
@Component
@ConditionalOnProperty(name = "lifecycle.audit.verify-and-exit", havingValue = "true")
public class AuditVerificationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditVerificationCommand.class);

    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;

    public AuditVerificationCommand(AuditTrail audit, JdbcTemplate jdbc, ApplicationContext context) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<AuditTrail.Verification> results = jdbc.queryForList("select id from program order by id", Long.class)
                .stream().map(audit::verify).toList();
        long broken = results.stream().filter(result -> !result.valid()).count();
        for (AuditTrail.Verification result : results) {
            System.out.println((result.valid() ? "OK      " : "BROKEN  ") + "programme " + result.programId() + ": "
                    + result.records() + " records" + (result.valid() ? ""
                    : "; first bad record seq " + result.firstBadSeq() + " (id " + result.firstBadId() + "): " + result.problem()));
        }
        System.out.println(results.size() + " programmes verified, " + broken + " broken");
        log.info("audit verification done: {} broken of {}", broken, results.size());
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> broken == 0 ? 0 : 1));
    }
}
