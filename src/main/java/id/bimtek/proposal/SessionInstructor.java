package id.bimtek.proposal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** An instructor or resource person assigned to a session, with the honorarium and the budget item paying it. */
@Entity
public class SessionInstructor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    private BatchSession session;
    /** an instructor of the register ({@code id.bimtek.instructor}) */
    private long instructorId;
    @Enumerated(EnumType.STRING)
    private InstructorRole role;
    private BigDecimal honorarium;
    /** the description of the programme's budget item the honorarium is paid from */
    private String honorariumItem;

    protected SessionInstructor() {
    }

    SessionInstructor(BatchSession session, long instructorId, InstructorRole role, BigDecimal honorarium,
                      String honorariumItem) {
        this.session = session;
        this.instructorId = instructorId;
        this.role = role;
        this.honorarium = honorarium;
        this.honorariumItem = honorariumItem;
    }

    public long getInstructorId() {
        return instructorId;
    }

    public InstructorRole getRole() {
        return role;
    }

    public BigDecimal getHonorarium() {
        return honorarium;
    }

    public String getHonorariumItem() {
        return honorariumItem;
    }
}
