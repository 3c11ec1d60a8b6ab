package id.bimtek.proposal;

import jakarta.persistence.CascadeType;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** One planned session of a batch: when, how (online or on site), where, what, and who teaches it. */
@Entity
public class BatchSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id")
    private Batch batch;
    private int sessionNo;
    private LocalDate sessionDate;
    private LocalTime startTime;
    private LocalTime endTime;
    @Enumerated(EnumType.STRING)
    private SessionMode mode;
    private String venue;
    private String meetingLink;
    private String topic;
    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<SessionInstructor> instructors = new ArrayList<>();

    protected BatchSession() {
    }

    BatchSession(Batch batch, int sessionNo, LocalDate sessionDate, LocalTime startTime, LocalTime endTime, SessionMode mode,
                 String venue, String meetingLink, String topic) {
        this.batch = batch;
        this.sessionNo = sessionNo;
        this.sessionDate = sessionDate;
        this.startTime = startTime;
        this.endTime = endTime;
        this.mode = mode;
        this.venue = venue;
        this.meetingLink = meetingLink;
        this.topic = topic;
    }

    /** The session moves with its batch: {@code days} later (or earlier), and to the batch's new place if it was at the old. */
    void move(long days, String oldVenue, String newVenue) {
        sessionDate = sessionDate.plusDays(days);
        if (mode == SessionMode.ON_SITE && newVenue != null && java.util.Objects.equals(venue, oldVenue)) {
            venue = newVenue;
        }
    }

    void assign(long instructorId, InstructorRole role, BigDecimal honorarium, String honorariumItem) {
        instructors.add(new SessionInstructor(this, instructorId, role, honorarium, honorariumItem));
    }

    /** The session's length in hours, to two decimals. */
    public BigDecimal hours() {
        return BigDecimal.valueOf(Duration.between(startTime, endTime).toMinutes()).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP);
    }

    /** What the plan says of this session, for the audit trail. */
    java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
        shown.put("no", sessionNo);
        shown.put("date", sessionDate.toString());
        shown.put("start", startTime.toString());
        shown.put("end", endTime.toString());
        shown.put("mode", mode.name());
        shown.put("place", mode == SessionMode.ONLINE ? String.valueOf(meetingLink) : String.valueOf(venue));
        shown.put("topic", topic);
        shown.put("instructors", instructors.stream().map(assigned -> assigned.getInstructorId() + " "
                + assigned.getRole() + " " + assigned.getHonorarium().toPlainString() + " "
                + String.valueOf(assigned.getHonorariumItem())).toList());
        return shown;
    }

    public Long getId() {
        return id;
    }

    public int getSessionNo() {
        return sessionNo;
    }

    public LocalDate getSessionDate() {
        return sessionDate;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public SessionMode getMode() {
        return mode;
    }

    public String getVenue() {
        return venue;
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public String getTopic() {
        return topic;
    }

    public List<SessionInstructor> getInstructors() {
        return instructors;
    }
}
