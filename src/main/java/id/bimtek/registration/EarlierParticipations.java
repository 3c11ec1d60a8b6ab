package id.bimtek.registration;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completions of programmes run before this system, from the agencies' own participant lists (a column of the
 * applicant import). They count like completions recorded here: for the repeat-participation rule of
 * {@link Eligibility} (as a programme of the kind the list is imported into) and for the ranking's
 * "first-time participant".
 */
@Component
class EarlierParticipations {

    /** The part of a query that gives (nik, completed_at, kind) for every earlier completion of the NIKs in {@code ?}. */
    static final String COMPLETIONS_OF_NIKS = """
            select r.nik, earlier.closed_at as completed_at, earlier.kind, earlier.id as program_id
              from registration r join program earlier on earlier.id = r.program_id
             where r.nik = any(?) and r.completed
            union all
            select e.nik, (e.completed_on + 1)::timestamp at time zone 'Asia/Jakarta', e.kind, null
              from earlier_participation e
             where e.nik = any(?)""";

    private final JdbcTemplate jdbc;

    EarlierParticipations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that an applicant completed {@code programme} on {@code completedOn}; the same fact twice is kept once. */
    boolean record(long importedInto, String nik, String programme, LocalDate completedOn, String actor) {
        return jdbc.update("""
                insert into earlier_participation (nik, programme, kind, completed_on, recorded_for_program_id, recorded_by)
                select ?, ?, kind, ?, id, ? from program where id = ?
                on conflict on constraint earlier_participation_once do nothing""",
                nik, programme.strip(), completedOn, actor, importedInto) == 1;
    }
}
