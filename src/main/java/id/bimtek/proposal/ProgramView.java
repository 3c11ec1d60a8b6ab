package id.bimtek.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A programme as the API shows it. */
public record ProgramView(
        Long id, String code, String title, String kind, String agency, String regionCode, AllocationMode allocationMode,
        String budgetLineCode, int fiscalYear,
        Instant registrationDeadline, int minimumParticipants, int completionThresholdPercent,
        List<String> followUpRounds, List<String> tracks, String seatOfferTime, String fiscalYearReason, ProgramStatus status, String processInstanceId,
        BigDecimal requestedTotal, BigDecimal committedAmount, BigDecimal realisedAmount, String cancellationReason,
        String createdBy, Instant createdAt, Instant updatedAt,
        List<BatchView> batches, List<BudgetItemView> budgetItems) {

    public record BatchView(Long id, String name, List<String> tracks, LocalDate startDate, LocalDate endDate, String venue,
                            DeliveryMode mode, int quota, int sessions, int taken, int seatsLeft) {
    }

    public record BudgetItemView(String description, BigDecimal amount) {
    }

    static ProgramView of(Program p, String budgetLineCode) {
        return new ProgramView(p.getId(), p.getCode(), p.getTitle(), p.getKind(), p.getAgency(), p.getRegionCode(), p.getAllocationMode(),
                budgetLineCode,
                p.getFiscalYear(), p.getRegistrationDeadline(), p.getMinimumParticipants(),
                p.getCompletionThresholdPercent(), p.getFollowUpRounds(), p.getTracks(), p.getSeatOfferTime(), p.getFiscalYearReason(), p.getStatus(),
                p.getProcessInstanceId(), p.requestedTotal(), p.getCommittedAmount(), p.getRealisedAmount(),
                p.getCancellationReason(), p.getCreatedBy(), p.getCreatedAt(), p.getUpdatedAt(),
                p.getBatches().stream().map(b -> new BatchView(b.getId(), b.getName(), b.getTracks(), b.getStartDate(),
                        b.getEndDate(), b.getVenue(), b.getMode(), b.getQuota(), b.getSessions(), b.getTaken(),
                        b.getQuota() - b.getTaken())).toList(),
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
