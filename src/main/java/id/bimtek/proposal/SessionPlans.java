package id.bimtek.proposal;

import id.bimtek.instructor.InstructorService;
import id.bimtek.shared.ProblemException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The shape of a proposal's session plans, checked when staff save it (400 naming the field): sessions within
 * their batch's dates, times in order, a venue on site and a link online, instructors from the register, and
 * honoraria paid from the proposal's own budget items, never more than an item holds.
 */
@Component
class SessionPlans {

    private final InstructorService instructors;

    SessionPlans(InstructorService instructors) {
        this.instructors = instructors;
    }

    void check(ProgramRequest request) {
        Map<String, BigDecimal> items = new HashMap<>();
        request.budgetItems().forEach(item -> items.merge(item.description().strip(), item.amount(), BigDecimal::add));
        Map<String, BigDecimal> honoraria = new HashMap<>();
        Set<Long> instructorIds = new HashSet<>();
        for (int i = 0; i < request.batches().size(); i++) {
            ProgramRequest.BatchRequest batch = request.batches().get(i);
            String batchField = "batches[" + i + "]";
            List<ProgramRequest.SessionRequest> plan = batch.sessionPlan() == null ? List.of() : batch.sessionPlan();
            if (plan.isEmpty() && batch.sessions() == null) {
                throw ProblemException.invalid(batchField + ".sessions", "give the number of sessions or their plan (sessionPlan)");
            }
            if (!plan.isEmpty() && batch.sessions() != null && batch.sessions() != plan.size()) {
                throw ProblemException.invalid(batchField + ".sessions", "says " + batch.sessions() + " sessions, the plan has "
                        + plan.size());
            }
            for (int j = 0; j < plan.size(); j++) {
                ProgramRequest.SessionRequest session = plan.get(j);
                String field = batchField + ".sessionPlan[" + j + "]";
                if (session.date().isBefore(batch.startDate()) || session.date().isAfter(batch.endDate())) {
                    throw ProblemException.invalid(field + ".date", "the session on " + session.date()
                            + " is outside the batch's dates " + batch.startDate() + " to " + batch.endDate());
                }
                if (!session.end().isAfter(session.start())) {
                    throw ProblemException.invalid(field + ".end", "the session ends before it starts");
                }
                if (session.mode() == SessionMode.ON_SITE && (session.venue() == null || session.venue().isBlank())) {
                    throw ProblemException.invalid(field + ".venue", "a session on site needs its venue");
                }
                if (session.mode() == SessionMode.ONLINE && (session.meetingLink() == null || session.meetingLink().isBlank())) {
                    throw ProblemException.invalid(field + ".meetingLink", "an online session needs its meeting link");
                }
                List<ProgramRequest.InstructorAssignment> assigned = session.instructors() == null ? List.of() : session.instructors();
                Set<Long> inSession = new HashSet<>();
                for (int k = 0; k < assigned.size(); k++) {
                    ProgramRequest.InstructorAssignment assignment = assigned.get(k);
                    String assignmentField = field + ".instructors[" + k + "]";
                    if (!inSession.add(assignment.instructorId())) {
                        throw ProblemException.invalid(assignmentField + ".instructorId", "instructor "
                                + assignment.instructorId() + " is assigned to this session twice");
                    }
                    instructorIds.add(assignment.instructorId());
                    BigDecimal honorarium = assignment.honorarium() == null ? BigDecimal.ZERO : assignment.honorarium();
                    if (honorarium.signum() > 0) {
                        String item = assignment.honorariumItem() == null ? "" : assignment.honorariumItem().strip();
                        if (!items.containsKey(item)) {
                            throw ProblemException.invalid(assignmentField + ".honorariumItem", "an honorarium is paid from one of "
                                    + "the proposal's budget items " + items.keySet() + "; name it");
                        }
                        BigDecimal paid = honoraria.merge(item, honorarium, BigDecimal::add);
                        if (paid.compareTo(items.get(item)) > 0) {
                            throw ProblemException.invalid(assignmentField + ".honorarium", "the honoraria paid from '" + item
                                    + "' come to " + paid.toPlainString() + ", more than its " + items.get(item).toPlainString());
                        }
                    }
                }
            }
        }
        Set<Long> known = instructors.byIds(instructorIds).keySet();
        instructorIds.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(unknown -> {
            throw ProblemException.invalid("batches", "instructor " + unknown + " is not in the register (POST /api/instructors)");
        });
    }
}
