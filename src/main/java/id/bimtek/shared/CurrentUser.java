package id.bimtek.shared;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user and their Camunda groups, as the security layer established them. */
public record CurrentUser(String id, List<String> groups) {

    public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw ProblemException.forbidden("not authenticated");
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(Object::toString)
                .filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
