package id.bimtek.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The people and role groups the engine's identity service keeps, for the stages that need to know who someone
 * is or whom a group holds: they ask here, not the engine. Looked up as the system: the engine's authorizations
 * would otherwise limit a lookup made while a user acts (staff completing a task, say) to what that user may read.
 */
@Component
public class Directory {

    /** A user of the office: id, name as shown, e-mail address (may be null). */
    public record Person(String id, String name, String email) {
    }

    private final PerTransaction.Memo<String, List<String>> groupsThisTransaction = new PerTransaction.Memo<>();

    private final IdentityService identity;

    Directory(IdentityService identity) {
        this.identity = identity;
    }

    public boolean knows(String userId) {
        return asSystem(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    public Optional<Person> person(String userId) {
        return Optional.ofNullable(asSystem(() -> identity.createUserQuery().userId(userId).singleResult())).map(Directory::person);
    }

    /** The group's members, ordered by id. */
    public List<Person> membersOf(String groupId) {
        return asSystem(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()).stream()
                .map(Directory::person).toList();
    }

    /** The ids of the user's groups. */
    public List<String> groupsOf(String userId) {
        // a task's completion asks several times; memberships change in transactions of their own
        return groupsThisTransaction.get(userId, this::readGroupsOf);
    }

    private List<String> readGroupsOf(String userId) {
        return asSystem(() -> identity.createGroupQuery().groupMember(userId).list()).stream().map(Group::getId).toList();
    }

    private static Person person(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
    }

    private <T> T asSystem(Supplier<T> lookup) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            return lookup.get();
        }
        identity.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
