package id.bimtek.proposal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/** A proposal as staff write it: the body of {@code POST /api/programs} and {@code PUT /api/programs/{id}}. */
public record ProgramRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z_]+", message = "must be an upper-case code such as BIMTEK") String kind,
        @NotBlank @Size(max = 300) String agency,
        @Pattern(regexp = "\\d{2}|\\d{4}", message = "must be a Kemendagri province (36) or regency/city (3671) code") String regionCode,
        @NotBlank @Size(max = 64) String budgetLineCode,
        @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @NotNull OffsetDateTime registrationDeadline,
        @NotNull @Min(0) @Max(100000) Integer minimumParticipants,
        @Min(1) @Max(100) Integer completionThresholdPercent,
        @Size(max = 6) List<@NotBlank @Size(max = 20) @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as P3M") String> followUpRounds,
        @NotEmpty @Size(max = 10) List<@NotBlank @Pattern(regexp = "[A-Z_]{1,40}", message = "must be an upper-case code such as APPAREL") String> tracks,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull BatchRequest> batches,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull BudgetItemRequest> budgetItems,
        AllocationMode allocationMode,
        @Size(max = 20) @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as PT48H") String seatOfferTime,
        @Size(max = 2000) String fiscalYearReason,
        CompletionBasis completionBasis) {

    /** Completion counted in sessions (the default), unless the proposal says hours. */
    public ProgramRequest(String title, String kind, String agency, String regionCode, String budgetLineCode,
                          Integer fiscalYear, OffsetDateTime registrationDeadline, Integer minimumParticipants,
                          Integer completionThresholdPercent, List<String> followUpRounds, List<String> tracks,
                          List<BatchRequest> batches, List<BudgetItemRequest> budgetItems, AllocationMode allocationMode,
                          String seatOfferTime, String fiscalYearReason) {
        this(title, kind, agency, regionCode, budgetLineCode, fiscalYear, registrationDeadline, minimumParticipants,
                completionThresholdPercent, followUpRounds, tracks, batches, budgetItems, allocationMode, seatOfferTime,
                fiscalYearReason, null);
    }

    /** Without a reason for dates outside the line's fiscal year (they must then fall within it). */
    public ProgramRequest(String title, String kind, String agency, String regionCode, String budgetLineCode,
                          Integer fiscalYear, OffsetDateTime registrationDeadline, Integer minimumParticipants,
                          Integer completionThresholdPercent, List<String> followUpRounds, List<String> tracks,
                          List<BatchRequest> batches, List<BudgetItemRequest> budgetItems, AllocationMode allocationMode,
                          String seatOfferTime) {
        this(title, kind, agency, regionCode, budgetLineCode, fiscalYear, registrationDeadline, minimumParticipants,
                completionThresholdPercent, followUpRounds, tracks, batches, budgetItems, allocationMode, seatOfferTime, null,
                null);
    }

    /** First come, first served, with the default seat offer time ({@link Program#DEFAULT_SEAT_OFFER_TIME}). */
    public ProgramRequest(String title, String kind, String agency, String regionCode, String budgetLineCode,
                          Integer fiscalYear, OffsetDateTime registrationDeadline, Integer minimumParticipants,
                          Integer completionThresholdPercent, List<String> followUpRounds, List<String> tracks,
                          List<BatchRequest> batches, List<BudgetItemRequest> budgetItems) {
        this(title, kind, agency, regionCode, budgetLineCode, fiscalYear, registrationDeadline, minimumParticipants,
                completionThresholdPercent, followUpRounds, tracks, batches, budgetItems, null, null, null, null);
    }

    /** A batch; {@code tracks} are the programme's tracks it is open to ({@code "track": "APPAREL"} reads as one). */
    public record BatchRequest(
            @NotBlank @Size(max = 100) String name,
            @JsonAlias("track") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> tracks,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotBlank @Size(max = 300) String venue,
            @NotNull DeliveryMode mode,
            @NotNull @Min(1) @Max(10000) Integer quota,
            @Min(1) @Max(100) Integer sessions,
            @Size(max = 100) List<@Valid @NotNull SessionRequest> sessionPlan) {

        /** A batch whose sessions are its days, 08:00 to 16:00 at its venue (the plan is generated). */
        public BatchRequest(String name, List<String> tracks, LocalDate startDate, LocalDate endDate, String venue,
                            DeliveryMode mode, Integer quota, Integer sessions) {
            this(name, tracks, startDate, endDate, venue, mode, quota, sessions, null);
        }

        /** How many sessions: those of the plan when there is one, else the number given. */
        public int sessionCount() {
            return sessionPlan != null && !sessionPlan.isEmpty() ? sessionPlan.size() : sessions == null ? 0 : sessions;
        }
    }

    /** One session: its day and times (WIB), online with a link or on site at a venue, its topic and who teaches it. */
    public record SessionRequest(
            @NotNull LocalDate date,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @NotNull SessionMode mode,
            @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String venue,
            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String meetingLink,
            @NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String topic,
            @Size(max = 10) List<@Valid @NotNull InstructorAssignment> instructors) {
    }

    /** Who teaches a session, as what, and the honorarium with the budget item (by its description) that pays it. */
    public record InstructorAssignment(
            @NotNull Long instructorId,
            @NotNull InstructorRole role,
            @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal honorarium,
            @Size(max = 300) String honorariumItem) {
    }

    public record BudgetItemRequest(
            @NotBlank @Size(max = 300) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amount) {
    }
}
