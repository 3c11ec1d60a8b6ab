package id.bimtek.delivery;

import id.bimtek.proposal.SessionMode;
import id.bimtek.shared.PdfSheet;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper staff take to a session: who is expected, with room to sign (the signed sheet is what the
 * attendance recorded here is checked against), and the instructors who teach it.
 */
@Component
class AttendanceSheets {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIA);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIA)
            .withZone(Wib.ZONE);

    private final JdbcTemplate jdbc;

    AttendanceSheets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    byte[] sheet(long programId, long batchId, int sessionNo, String printedBy) {
        Map<String, Object> session = jdbc.queryForList("""
                select p.code, p.title, p.agency, b.name as batch, s.id, s.session_date, s.start_time, s.end_time,
                       s.mode, coalesce(s.venue, s.meeting_link) as place, s.topic
                  from batch_session s join batch b on b.id = s.batch_id join program p on p.id = b.program_id
                 where p.id = ? and b.id = ? and s.session_no = ?""", programId, batchId, sessionNo).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("session " + sessionNo + " of batch " + batchId
                        + " of programme " + programId));
        List<String> instructors = jdbc.queryForList("""
                select i.name || ' (' || lower(si.role) || ')' from session_instructor si
                  join instructor i on i.id = si.instructor_id where si.session_id = ? order by si.id""", String.class,
                session.get("id"));
        List<List<String>> rows = new ArrayList<>();
        jdbc.query("""
                select name, business_name, district, nik from registration
                 where batch_id = ? and status = 'CONFIRMED' order by name, id""", rs -> {
            rows.add(List.of(String.valueOf(rows.size() + 1), rs.getString("name"), rs.getString("business_name"),
                    rs.getString("district"), rs.getString("nik"), ""));
        }, batchId);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Program", session.get("code") + " · " + session.get("title"));
        facts.put("Penyelenggara", (String) session.get("agency"));
        facts.put("Gelombang", (String) session.get("batch"));
        facts.put("Sesi", sessionNo + ": " + session.get("topic"));
        facts.put("Hari, tanggal", DAY.format(((java.sql.Date) session.get("session_date")).toLocalDate()));
        facts.put("Waktu", session.get("start_time").toString().substring(0, 5) + "–"
                + session.get("end_time").toString().substring(0, 5) + " WIB");
        facts.put(SessionMode.ONLINE.name().equals(session.get("mode")) ? "Tautan" : "Tempat", (String) session.get("place"));
        facts.put("Instruktur", String.join(", ", instructors));
        List<List<String>> teachers = instructors.stream().map(name -> List.of(name, "")).toList();
        return PdfSheet.portrait("Daftar Hadir Peserta", "Dicetak " + PRINTED.format(Instant.now()) + " WIB oleh "
                        + printedBy + " · " + session.get("code") + " " + session.get("batch") + " sesi " + sessionNo)
                .facts(facts)
                .table(rows.size() + " peserta", new float[] {0.5f, 3f, 3f, 2f, 2.6f, 2.4f},
                        List.of("No", "Nama", "Usaha", "Kecamatan", "NIK", "Tanda tangan"), rows, 24)
                .table("Instruktur dan narasumber", new float[] {3f, 2f}, List.of("Nama", "Tanda tangan"), teachers, 28)
                .finish();
    }
}
