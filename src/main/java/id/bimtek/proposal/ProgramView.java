package id.bimtek.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A programme as the API shows it. */
public record ProgramView(
        Long id, String code, String title, String kind, String agency, String regionCode, AllocationMode allocationMode,
        String budgetLineCode, int fiscalYear,
        Instant registrationDeadline, int minimumParticipants, int completionThresholdPercent,
        List<String> followUpRounds, List<String> tracks, String seatOfferTime, String fiscalYearReason,
        CompletionBasis completionBasis, ProgramStatus status, String processInstanceId,
        BigDecimal requestedTotal, BigDecimal committedAmount, BigDecimal realisedAmount, String cancellationReason,
        String createdBy, Instant createdAt, Instant updatedAt,
        List<BatchView> batches, List<BudgetItemView> budgetItems) {

    public record BatchView(Long id, String name, List<String> tracks, LocalDate startDate, LocalDate endDate, String venue,
                            DeliveryMode mode, int quota, int sessions, BigDecimal plannedHours, int taken, int seatsLeft,
                            List<SessionView> sessionPlan) {
    }

    public record SessionView(int no, LocalDate date, LocalTime start, LocalTime end, BigDecimal hours, SessionMode mode,
                              String venue, String meetingLink, String topic, List<AssignmentView> instructors) {

        static SessionView of(BatchSession s) {
            return new SessionView(s.getSessionNo(), s.getSessionDate(), s.getStartTime(), s.getEndTime(), s.hours(),
                    s.getMode(), s.getVenue(), s.getMeetingLink(), s.getTopic(), s.getInstructors().stream()
                    .map(a -> new AssignmentView(a.getInstructorId(), a.getRole(), a.getHonorarium(), a.getHonorariumItem()))
                    .toList());
        }
    }

    public record AssignmentView(long instructorId, InstructorRole role, BigDecimal honorarium, String honorariumItem) {
    }

    public record BudgetItemView(String description, BigDecimal amount) {
    }

    static ProgramView of(Program p, String budgetLineCode) {
        return new ProgramView(p.getId(), p.getCode(), p.getTitle(), p.getKind(), p.getAgency(), p.getRegionCode(), p.getAllocationMode(),
                budgetLineCode,
                p.getFiscalYear(), p.getRegistrationDeadline(), p.getMinimumParticipants(),
                p.getCompletionThresholdPercent(), p.getFollowUpRounds(), p.getTracks(), p.getSeatOfferTime(), p.getFiscalYearReason(), p.getCompletionBasis(), p.getStatus(),
                p.getProcessInstanceId(), p.requestedTotal(), p.getCommittedAmount(), p.getRealisedAmount(),
                p.getCancellationReason(), p.getCreatedBy(), p.getCreatedAt(), p.getUpdatedAt(),
                p.getBatches().stream().map(b -> new BatchView(b.getId(), b.getName(), b.getTracks(), b.getStartDate(),
                        b.getEndDate(), b.getVenue(), b.getMode(), b.getQuota(), b.getSessions(), b.plannedHours(), b.getTaken(),
                        b.getQuota() - b.getTaken(), b.getSessionPlan().stream().map(SessionView::of).toList())).toList(),
                p.getBudgetItems().stream().map(i -> new BudgetItemView(i.getDescription(), i.getAmount())).toList());
    }

    /** The list entry: no batches or items. */
    public record Summary(Long id, String code, String title, String kind, String agency, int fiscalYear,
                          ProgramStatus status, Instant registrationDeadline, Instant updatedAt) {
        static Summary of(Program p) {
            return new Summary(p.getId(), p.getCode(), p.getTitle(), p.getKind(), p.getAgency(), p.getFiscalYear(),
                    p.getStatus(), p.getRegistrationDeadline(), p.getUpdatedAt());
        }
    }
}
