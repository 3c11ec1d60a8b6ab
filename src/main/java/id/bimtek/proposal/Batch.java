package id.bimtek.proposal;

import id.bimtek.shared.StringListConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** A wave (gelombang) of a programme: its own tracks, dates, venue, mode, seats and number of session days. */
@Entity
public class Batch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    private Program program;
    private int position;
    private String name;
    /** the programme's tracks this batch is open to; an applicant's sector must be one of them */
    @Convert(converter = StringListConverter.class)
    private List<String> tracks;
    private LocalDate startDate;
    private LocalDate endDate;
    private String venue;
    @Enumerated(EnumType.STRING)
    private DeliveryMode mode;
    private int quota;
    private int sessions;
    /** seats taken; changed only by the registration service's conditional updates */
    @Column(insertable = false, updatable = false)
    private int taken;
    private boolean delivered;
    @OneToMany(mappedBy = "batch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sessionNo")
    private List<BatchSession> sessionPlan = new ArrayList<>();

    protected Batch() {
    }

    Batch(Program program, int position, String name, List<String> tracks, LocalDate startDate, LocalDate endDate,
          String venue, DeliveryMode mode, int quota, int sessions) {
        this.program = program;
        this.position = position;
        this.name = name;
        this.tracks = List.copyOf(tracks);
        this.startDate = startDate;
        this.endDate = endDate;
        this.venue = venue;
        this.mode = mode;
        this.quota = quota;
        this.sessions = sessions;
    }

    public Long getId() {
        return id;
    }

    public Program getProgram() {
        return program;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public List<String> getTracks() {
        return tracks;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getVenue() {
        return venue;
    }

    public DeliveryMode getMode() {
        return mode;
    }

    public int getQuota() {
        return quota;
    }

    public int getSessions() {
        return sessions;
    }

    public int getTaken() {
        return taken;
    }

    /**
     * Plans the batch's sessions: those of the request, or, without a plan, one a day from the start (the end date
     * repeating when there are more sessions than days), 08:00 to 16:00, on site at the venue or online at its link.
     */
    void plan(ProgramRequest.BatchRequest request) {
        List<ProgramRequest.SessionRequest> planned = request.sessionPlan() == null ? List.of() : request.sessionPlan();
        if (planned.isEmpty()) {
            boolean online = mode == DeliveryMode.ONLINE;
            for (int n = 1; n <= sessions; n++) {
                LocalDate day = startDate.plusDays(n - 1L);
                sessionPlan.add(new BatchSession(this, n, day.isAfter(endDate) ? endDate : day, LocalTime.of(8, 0),
                        LocalTime.of(16, 0), online ? SessionMode.ONLINE : SessionMode.ON_SITE, online ? null : venue,
                        online ? venue : null, "Sesi " + n));
            }
            return;
        }
        int n = 0;
        for (ProgramRequest.SessionRequest session : planned) {
            BatchSession added = new BatchSession(this, ++n, session.date(), session.start(), session.end(), session.mode(),
                    blankToNull(session.venue()), blankToNull(session.meetingLink()), session.topic().strip());
            if (session.instructors() != null) {
                for (ProgramRequest.InstructorAssignment assignment : session.instructors()) {
                    added.assign(assignment.instructorId(), assignment.role(),
                            assignment.honorarium() == null ? BigDecimal.ZERO : assignment.honorarium(),
                            blankToNull(assignment.honorariumItem()));
                }
            }
            sessionPlan.add(added);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<BatchSession> getSessionPlan() {
        return sessionPlan;
    }

    /** The planned hours of all sessions. */
    public BigDecimal plannedHours() {
        return sessionPlan.stream().map(BatchSession::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Moves the whole batch, sessions included, so that it starts on {@code start}; {@code newVenue} (or null to keep
     * it) becomes the place of the batch and of the on-site sessions that were held at the old one.
     */
    void moveTo(LocalDate start, String newVenue) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(startDate, start);
        String oldVenue = venue;
        String venueAfter = mode == DeliveryMode.ONLINE || newVenue == null || newVenue.isBlank() ? null : newVenue.strip();
        sessionPlan.forEach(session -> session.move(days, oldVenue, venueAfter));
        startDate = startDate.plusDays(days);
        endDate = endDate.plusDays(days);
        if (venueAfter != null) {
            venue = venueAfter;
        }
    }

    public boolean isDelivered() {
        return delivered;
    }

    public void markDelivered() {
        this.delivered = true;
    }
}
