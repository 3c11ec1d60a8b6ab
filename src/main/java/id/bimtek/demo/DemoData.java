package id.bimtek.demo;

import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.budget.BudgetService;
import id.bimtek.budget.FundingSource;
import id.bimtek.shared.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The role groups, always; demo users with their passwords and one budget line when
 * {@code lifecycle.demo.enabled}. Existing users are left as they are, so passwords changed in
 * Camunda Admin survive a restart.
 */
@Component
public class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identity;
    private final BudgetService budget;
    private final BudgetLineRepository lines;
    private final DemoProperties demo;
    private final Environment environment;

    public DemoData(IdentityService identity, BudgetService budget, BudgetLineRepository lines, DemoProperties demo,
                    Environment environment) {
        this.identity = identity;
        this.budget = budget;
        this.lines = lines;
        this.demo = demo;
        this.environment = environment;
    }

    /** Runs once every bean, the engine included, is ready and before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        for (String id : Roles.ALL) {
            if (identity.createGroupQuery().groupId(id).singleResult() == null) {
                Group group = identity.newGroup(id);
                group.setName(Roles.nameOf(id));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        if (production && "admin".equals(environment.getProperty("camunda.bpm.admin-user.password"))) {
            throw new IllegalStateException("set ADMIN_PASSWORD: the prod profile does not start with the demo password");
        }
        if (!demo.enabled()) {
            return;
        }
        if (production) {
            throw new IllegalStateException("lifecycle.demo.enabled must be false in the prod profile: "
                    + "demo users have well-known passwords");
        }
        for (DemoProperties.DemoUser demoUser : demo.users() == null ? List.<DemoProperties.DemoUser>of() : demo.users()) {
            if (identity.createUserQuery().userId(demoUser.id()).singleResult() == null) {
                User user = identity.newUser(demoUser.id());
                user.setFirstName(demoUser.firstName());
                user.setLastName(demoUser.lastName());
                user.setPassword(demoUser.password());
                user.setEmail(demoUser.id() + "@bimtek.example");
                identity.saveUser(user);
                log.info("Demo user '{}' created", demoUser.id());
            }
            for (String group : demoUser.groups()) {
                if (identity.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0
                        && identity.createGroupQuery().groupId(group).count() > 0) {
                    identity.createMembership(demoUser.id(), group);
                }
            }
        }
        DemoProperties.DemoBudgetLine line = demo.budgetLine();
        if (line != null && lines.findByCodeAndFiscalYear(line.code(), line.year()).isEmpty()) {
            budget.create(line.code(), line.name(), line.agency(), line.year(), FundingSource.valueOf(line.source()),
                    line.ceiling());
            log.info("Demo budget line {} ({}) created", line.code(), line.year());
        }
    }
}
