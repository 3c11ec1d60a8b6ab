package id.bimtek.proposal;

import id.bimtek.shared.StringListConverter;
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
import java.time.LocalDate;
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

    public boolean isDelivered() {
        return delivered;
    }

    public void markDelivered() {
        this.delivered = true;
    }
}
