package id.bimtek.shared;

import org.springframework.http.HttpStatus;

/**
 * A user's mistake or a request the current state does not allow: becomes an RFC 9457 problem
 * response naming the offending field, and rolls back whatever the request had begun.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String rule;

    public ProblemException(HttpStatus status, String field, String message) {
        this(status, field, message, null);
    }

    public ProblemException(HttpStatus status, String field, String message, String rule) {
        super(message);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    /** An applicant refused by a rule (eligibility, one place per NIK): 422, naming the rule. */
    public static ProblemException refusedBy(String rule, String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field, message, rule);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, null, what + " not found");
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(HttpStatus.CONFLICT, field, message);
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
