package id.bimtek.registration;

import id.bimtek.shared.StringListConverter;
import id.bimtek.shared.Wib;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What applicants see before they register: the programmes open for registration (status
 * REGISTRATION_OPEN and the deadline still ahead) with their batches and the seats left in each.
 */
@Component
public class OpenProgrammes {

    public record Programme(long id, String code, String title, String agency, ZonedDateTime deadline,
                            List<String> tracks, List<BatchSeats> batches) implements Serializable {
    }

    /** A batch with its seats left; none left means a new applicant can only be waitlisted. */
    public record BatchSeats(String name, List<String> tracks, LocalDate startDate, LocalDate endDate, String venue,
                             String mode, int quota, int seatsLeft) implements Serializable {

        public boolean waitlistOnly() {
            return seatsLeft == 0;
        }
    }

    private static final String OPEN = """
            select id, code, title, agency, registration_deadline, tracks from program
             where status = 'REGISTRATION_OPEN' and registration_deadline > ?""";

    private final JdbcTemplate jdbc;

    public OpenProgrammes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open programme, the one closing first at the top. */
    @Transactional(readOnly = true)
    public List<Programme> all() {
        return withBatches(jdbc.query(OPEN + " order by registration_deadline, id", OpenProgrammes::programme, Wib.sqlNow()));
    }

    /** The programme if it is open for registration. */
    @Transactional(readOnly = true)
    public Optional<Programme> find(long programId) {
        return withBatches(jdbc.query(OPEN + " and id = ?", OpenProgrammes::programme, Wib.sqlNow(), programId)).stream().findFirst();
    }

    private List<Programme> withBatches(List<Programme> programmes) {
        if (programmes.isEmpty()) {
            return programmes;
        }
        Map<Long, List<BatchSeats>> batches = new LinkedHashMap<>();
        programmes.forEach(programme -> batches.put(programme.id(), new ArrayList<>()));
        jdbc.query("""
                select program_id, name, tracks, start_date, end_date, venue, mode, quota, taken from batch
                 where program_id = any (?) order by program_id, position""",
                (ResultSet rs) -> {
                    batches.get(rs.getLong("program_id")).add(new BatchSeats(rs.getString("name"), List.of(rs.getString("tracks").split(",")),
                            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                            rs.getString("venue"), rs.getString("mode"), rs.getInt("quota"),
                            Math.max(0, rs.getInt("quota") - rs.getInt("taken"))));
                },
                (Object) batches.keySet().toArray(Long[]::new));
        return programmes.stream()
                .map(p -> new Programme(p.id(), p.code(), p.title(), p.agency(), p.deadline(), p.tracks(),
                        List.copyOf(batches.get(p.id()))))
                .toList();
    }

    private static Programme programme(ResultSet rs, int row) throws SQLException {
        return new Programme(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("agency"),
                rs.getTimestamp("registration_deadline").toInstant().atZone(Wib.ZONE),
                new StringListConverter().convertToEntityAttribute(rs.getString("tracks")), List.of());
    }
}
