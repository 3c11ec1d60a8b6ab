package id.bimtek.proposal;

import id.bimtek.shared.StringListConverter;
import id.bimtek.shared.Wib;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A development programme (Bimtek, pelatihan...): the proposal and where it stands in its lifecycle. */
@Entity
public class Program {

    /** How long a waitlisted applicant has to accept a freed seat, unless the proposal says otherwise. */
    public static final String DEFAULT_SEAT_OFFER_TIME = "PT48H";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String title;
    private String kind;
    private String agency;
    /** Kemendagri code of the region served; null: applicants from anywhere */
    private String regionCode;
    @Enumerated(EnumType.STRING)
    private AllocationMode allocationMode = AllocationMode.FIRST_COME;
    private Long budgetLineId;
    private int fiscalYear;
    private Instant registrationDeadline;
    private int minimumParticipants;
    private int completionThresholdPercent;
    @Convert(converter = StringListConverter.class)
    private List<String> followUpRounds;
    @Convert(converter = StringListConverter.class)
    private List<String> tracks;
    /** ISO-8601 duration: the seat-offer process's timer */
    private String seatOfferTime = DEFAULT_SEAT_OFFER_TIME;
    @Enumerated(EnumType.STRING)
    private ProgramStatus status;
    private String processInstanceId;
    private BigDecimal committedAmount = BigDecimal.ZERO;
    private BigDecimal realisedAmount = BigDecimal.ZERO;
    private String cancellationReason;
    /** why batches fall outside the budget line's fiscal year, if they do; the reviewer reads it */
    private String fiscalYearReason;
    @Enumerated(EnumType.STRING)
    private CompletionBasis completionBasis = CompletionBasis.SESSIONS;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "program", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Batch> batches = new ArrayList<>();

    @OneToMany(mappedBy = "program", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BudgetItem> budgetItems = new ArrayList<>();

    protected Program() {
    }

    Program(String code, String createdBy) {
        this.code = code;
        this.createdBy = createdBy;
        this.status = ProgramStatus.DRAFT;
        this.createdAt = Wib.now();
        this.updatedAt = createdAt;
    }

    /** Replaces the proposal's content; only allowed while staff hold it (draft or sent back). */
    void apply(ProgramRequest request, long budgetLineId, int defaultThreshold, List<String> defaultRounds) {
        this.title = request.title().trim();
        this.kind = request.kind();
        this.agency = request.agency().trim();
        this.regionCode = request.regionCode();
        this.allocationMode = request.allocationMode() != null ? request.allocationMode() : AllocationMode.FIRST_COME;
        this.budgetLineId = budgetLineId;
        this.fiscalYear = request.fiscalYear();
        this.registrationDeadline = request.registrationDeadline().toInstant();
        this.minimumParticipants = request.minimumParticipants();
        this.completionThresholdPercent = request.completionThresholdPercent() != null
                ? request.completionThresholdPercent() : defaultThreshold;
        this.followUpRounds = request.followUpRounds() != null && !request.followUpRounds().isEmpty()
                ? List.copyOf(request.followUpRounds()) : List.copyOf(defaultRounds);
        this.tracks = List.copyOf(request.tracks());
        this.seatOfferTime = request.seatOfferTime() != null ? request.seatOfferTime() : DEFAULT_SEAT_OFFER_TIME;
        this.completionBasis = request.completionBasis() != null ? request.completionBasis() : CompletionBasis.SESSIONS;
        this.fiscalYearReason = request.fiscalYearReason() == null || request.fiscalYearReason().isBlank() ? null
                : request.fiscalYearReason().strip();
        int position = 0;
        for (ProgramRequest.BatchRequest batch : request.batches()) {
            Batch added = new Batch(this, position++, batch.name().trim(), batch.tracks().stream().map(String::trim).toList(),
                    batch.startDate(), batch.endDate(), batch.venue().trim(), batch.mode(), batch.quota(), batch.sessionCount());
            added.plan(batch);
            batches.add(added);
        }
        position = 0;
        for (ProgramRequest.BudgetItemRequest item : request.budgetItems()) {
            budgetItems.add(new BudgetItem(this, position++, item.description().trim(), item.amount()));
        }
        touch();
    }

    /** Removes batches and budget items before a revision replaces them (flushed first: their names are unique). */
    void clearBatchesAndItems() {
        batches.clear();
        budgetItems.clear();
    }

    /** What the proposal says, for the audit trail's old and new values. */
    public java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("title", title);
        snapshot.put("kind", kind);
        snapshot.put("agency", agency);
        snapshot.put("regionCode", String.valueOf(regionCode));
        snapshot.put("allocationMode", String.valueOf(allocationMode));
        snapshot.put("budgetLineId", budgetLineId);
        snapshot.put("fiscalYear", fiscalYear);
        snapshot.put("registrationDeadline", String.valueOf(registrationDeadline));
        snapshot.put("minimumParticipants", minimumParticipants);
        snapshot.put("completionThresholdPercent", completionThresholdPercent);
        snapshot.put("followUpRounds", followUpRounds);
        snapshot.put("tracks", tracks);
        snapshot.put("seatOfferTime", seatOfferTime);
        snapshot.put("fiscalYearReason", String.valueOf(fiscalYearReason));
        snapshot.put("completionBasis", completionBasis.name());
        snapshot.put("batches", batches.stream().map(b -> java.util.Map.of("name", b.getName(), "tracks", b.getTracks(),
                "startDate", b.getStartDate().toString(), "endDate", b.getEndDate().toString(), "venue", b.getVenue(),
                "mode", b.getMode().name(), "quota", b.getQuota(), "sessions", b.getSessions(),
                "sessionPlan", b.getSessionPlan().stream().map(BatchSession::snapshot).toList())).toList());
        snapshot.put("budgetItems", budgetItems.stream().map(i -> java.util.Map.of("description", i.getDescription(),
                "amount", i.getAmount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString())).toList());
        snapshot.put("requestedTotal", requestedTotal().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        return snapshot;
    }

    public BigDecimal requestedTotal() {
        return budgetItems.stream().map(BudgetItem::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int totalQuota() {
        return batches.stream().mapToInt(Batch::getQuota).sum();
    }

    public void moveTo(ProgramStatus next) {
        this.status = next;
        touch();
    }

    void submitted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void committed(BigDecimal amount) {
        this.committedAmount = amount;
        touch();
    }

    public void settled(BigDecimal realised) {
        this.realisedAmount = realised;
        this.committedAmount = BigDecimal.ZERO;
        this.closedAt = Wib.now();
        touch();
    }

    /** The cancellation's reason; its commitment has been released (the status is changed by the caller). */
    public void cancelled(String reason) {
        this.cancellationReason = reason;
        this.committedAmount = BigDecimal.ZERO;
        touch();
    }

    public void extendRegistration(Instant newDeadline) {
        this.registrationDeadline = newDeadline;
        touch();
    }

    private void touch() {
        this.updatedAt = Wib.now();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getKind() {
        return kind;
    }

    public String getAgency() {
        return agency;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public AllocationMode getAllocationMode() {
        return allocationMode;
    }

    public Long getBudgetLineId() {
        return budgetLineId;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public Instant getRegistrationDeadline() {
        return registrationDeadline;
    }

    public int getMinimumParticipants() {
        return minimumParticipants;
    }

    public int getCompletionThresholdPercent() {
        return completionThresholdPercent;
    }

    public List<String> getFollowUpRounds() {
        return followUpRounds;
    }

    public List<String> getTracks() {
        return tracks;
    }

    public CompletionBasis getCompletionBasis() {
        return completionBasis;
    }

    public String getFiscalYearReason() {
        return fiscalYearReason;
    }

    public String getSeatOfferTime() {
        return seatOfferTime;
    }

    public ProgramStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public BigDecimal getCommittedAmount() {
        return committedAmount;
    }

    public BigDecimal getRealisedAmount() {
        return realisedAmount;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<Batch> getBatches() {
        return batches;
    }

    public List<BudgetItem> getBudgetItems() {
        return budgetItems;
    }
}
