package id.bimtek.shared;

/**
 * A user's mistake or a request the current state does not allow, in the domain's terms: what kind of problem,
 * which field, which rule. It rolls back whatever the request had begun; the web layer ({@link ProblemHandler})
 * turns it into an RFC 9457 problem response naming the field, and the staff pages into words.
 */
public class ProblemException extends RuntimeException {

    /** What kind of problem it is; the web layer alone decides the HTTP status of each. */
    public enum Kind {
        /** the request itself is wrong (a missing or malformed field) */
        INVALID,
        /** an applicant refused by a registration rule (eligibility, one place per NIK) */
        REFUSED_BY_RULE,
        FORBIDDEN,
        NOT_FOUND,
        /** the current state does not allow it (a status, a claimed task, a full batch) */
        CONFLICT,
        TOO_LARGE,
        /** try again shortly (the node is stopping, the queue is full) */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;
    private final String rule;
    private final Object[] arguments;

    public ProblemException(Kind kind, String field, String message) {
        this(kind, field, message, null);
    }

    public ProblemException(Kind kind, String field, String message, String rule, Object... arguments) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.arguments = arguments.clone();
    }

    /**
     * The same problem naming the rule that refuses it, so that the people who use Tasklist and the staff pages
     * read it in their words ({@code problem.<rule>} of the messages, with the arguments filled in).
     */
    public ProblemException because(String rule, Object... arguments) {
        return new ProblemException(kind, field, getMessage(), rule, arguments);
    }

    /** An applicant refused by a rule (eligibility, one place per NIK), naming the rule. */
    public static ProblemException refusedBy(String rule, String field, String message) {
        return new ProblemException(Kind.REFUSED_BY_RULE, field, message, rule);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Kind.INVALID, field, message);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Kind.NOT_FOUND, null, what + " not found");
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(Kind.CONFLICT, field, message);
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(Kind.FORBIDDEN, null, message);
    }

    /** The refusal among a failure's causes (the engine wraps what its listeners throw), if there is one. */
    public static java.util.Optional<ProblemException> foundIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** What the rule's words are filled in with (names, dates, decisions), in their order. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
