package id.bimtek.outcomes;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who reads the outcome dashboard: the heads, auditors (read-only, as everything there is) and administrators.
 * {@code SecurityConfig} enforces it; pages ask here ({@code @outcomeAccess.allowed()}) whether to offer the link.
 */
@Component("outcomeAccess")
public class OutcomeAccess {

    public static final List<String> ROLES = List.of(Roles.DIVISION_HEAD, Roles.DEPARTMENT_HEAD, Roles.AUDITOR, Roles.ADMIN);

    public boolean allowed() {
        CurrentUser user = CurrentUser.get();
        return user != null && ROLES.stream().anyMatch(user::isIn);
    }
}
