package id.bimtek.delegation;

import id.bimtek.shared.Directory;
import id.bimtek.shared.PerTransaction;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Roles;
import id.bimtek.shared.Wib;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputies of heads on leave. For the period, the deputy holds the principal's head roles: sees their
 * tasks (in Tasklist too, as a candidate) and decides them on their behalf. Only someone who is a head
 * themselves can be a deputy.
 */
@Service
public class Delegations {

    public static final List<String> HEAD_GROUPS = List.of(Roles.DIVISION_HEAD, Roles.DEPARTMENT_HEAD);

    public record Delegation(long id, String principal, String deputy, Instant validFrom, Instant validUntil,
                             String reason, String createdBy, Instant revokedAt) {
    }

    /** Who acts, and on whose behalf when it is a deputy. */
    public record Acting(String actor, String onBehalfOf) {
        public String authority() {
            return onBehalfOf != null ? onBehalfOf : actor;
        }
    }

    private final PerTransaction.Memo<String, Map<String, List<String>>> principalsThisTransaction = new PerTransaction.Memo<>();

    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final DeputyTasks deputyTasks;

    public Delegations(JdbcTemplate jdbc, Directory directory, DeputyTasks deputyTasks) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.deputyTasks = deputyTasks;
    }

    @Transactional
    public Delegation delegate(String principal, String deputy, Instant from, Instant until, String reason) {
        List<String> principalHeadGroups = headGroupsOf(principal);
        if (principalHeadGroups.isEmpty()) {
            throw ProblemException.forbidden("only heads can delegate their approvals").because("DELEGATION_BY_HEADS");
        }
        if (principal.equals(deputy)) {
            throw ProblemException.invalid("deputy", "a head cannot be their own deputy").because("OWN_DEPUTY");
        }
        if (!directory.knows(deputy)) {
            throw ProblemException.invalid("deputy", "there is no user " + deputy).because("NO_SUCH_USER", deputy);
        }
        if (headGroupsOf(deputy).isEmpty()) {
            throw ProblemException.invalid("deputy", deputy + " does not hold the authority of a head and cannot be a deputy")
                    .because("DEPUTY_NOT_A_HEAD", deputy);
        }
        if (!until.isAfter(from) || !until.isAfter(Wib.now())) {
            throw ProblemException.invalid("validUntil", "the period must end after it starts, and in the future")
                    .because("DELEGATION_PERIOD");
        }
        Long id = jdbc.queryForObject("""
                insert into delegation (principal, deputy, valid_from, valid_until, reason, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class,
                principal, deputy, Timestamp.from(from), Timestamp.from(until), reason, principal);
        principalsThisTransaction.forget();
        // the deputy sees the open tasks in Tasklist as a candidate
        deputyTasks.offer(principal, principalHeadGroups, deputy);
        return get(id);
    }

    @Transactional
    public Delegation revoke(long id, String user) {
        Delegation delegation = get(id);
        if (!delegation.principal().equals(user)) {
            throw ProblemException.forbidden("only " + delegation.principal() + " can revoke this delegation")
                    .because("REVOKED_BY_PRINCIPAL", delegation.principal());
        }
        jdbc.update("update delegation set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null", user, id);
        principalsThisTransaction.forget();
        deputyTasks.withdraw(delegation.deputy());
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<Delegation> involving(String user) {
        return jdbc.query("select * from delegation where principal = ? or deputy = ? order by id desc",
                (rs, row) -> map(rs), user, user);
    }

    /** The principals a user currently deputises for, with the head groups they hold on their behalf. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> activePrincipalsOf(String deputy) {
        // asked up to four times for each task someone completes: before, on claiming, on completing, for the engine
        return principalsThisTransaction.get(deputy, this::readActivePrincipalsOf);
    }

    private Map<String, List<String>> readActivePrincipalsOf(String deputy) {
        Map<String, List<String>> principals = new java.util.LinkedHashMap<>();
        for (String principal : jdbc.queryForList("""
                select distinct principal from delegation
                 where deputy = ? and revoked_at is null and tstzrange(valid_from, valid_until) @> ?::timestamptz""",
                String.class, deputy, Wib.sqlNow())) {
            principals.put(principal, headGroupsOf(principal));
        }
        return java.util.Collections.unmodifiableMap(principals);
    }

    /** A user's own groups plus the head groups they hold as a deputy now. */
    public List<String> effectiveGroups(String user, List<String> ownGroups) {
        Set<String> groups = new LinkedHashSet<>(ownGroups);
        activePrincipalsOf(user).values().forEach(groups::addAll);
        return List.copyOf(groups);
    }

    /**
     * Whether {@code user} may act on a task held by {@code assignee} or offered to {@code candidateGroups},
     * and on whose behalf: in their own right first, else as an active deputy. Holding the task is not
     * authority by itself: whoever holds it must also hold one of its groups, so a task handed to someone
     * outside its role (in Tasklist, say) cannot be completed by them.
     */
    public Optional<Acting> actingOn(String user, String assignee, Set<String> candidateGroups) {
        Map<String, List<String>> principals = activePrincipalsOf(user);
        if (assignee != null && !assignee.equals(user)) {
            List<String> principalGroups = principals.get(assignee);
            return principalGroups != null && principalGroups.stream().anyMatch(candidateGroups::contains)
                    ? Optional.of(new Acting(user, assignee)) : Optional.empty();
        }
        List<String> own = directory.groupsOf(user);
        if (own.stream().anyMatch(candidateGroups::contains)) {
            return Optional.of(new Acting(user, null));
        }
        return principals.entrySet().stream()
                .filter(principal -> principal.getValue().stream().anyMatch(candidateGroups::contains))
                .map(principal -> new Acting(user, principal.getKey()))
                .findFirst();
    }

    /** The active deputies of the heads a new task is offered to: they become its candidates too. */
    public List<String> deputiesFor(Set<String> candidateGroups) {
        return jdbc.query("""
                select deputy, principal from delegation
                 where revoked_at is null and tstzrange(valid_from, valid_until) @> ?::timestamptz""",
                (rs, row) -> Map.entry(rs.getString("deputy"), rs.getString("principal")), Wib.sqlNow()).stream()
                .filter(delegation -> headGroupsOf(delegation.getValue()).stream().anyMatch(candidateGroups::contains))
                .map(Map.Entry::getKey).distinct().toList();
    }

    private List<String> headGroupsOf(String user) {
        return directory.groupsOf(user).stream().filter(HEAD_GROUPS::contains).toList();
    }

    private Delegation get(long id) {
        return jdbc.query("select * from delegation where id = ?", (rs, row) -> map(rs), id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("delegation " + id));
    }

    private static Delegation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Delegation(rs.getLong("id"), rs.getString("principal"), rs.getString("deputy"),
                rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(),
                rs.getString("reason"), rs.getString("created_by"),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }
}
