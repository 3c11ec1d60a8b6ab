package id.bimtek.registration;

import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.workflow.TaskFormSection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What registration shows on every task: the count per status; and on the programme's tasks while it
 * selects, the ranked list staff confirm.
 */
@Component
class RegistrationFormSections implements TaskFormSection {

    private static final Map<String, String> SCALES = Map.of("MICRO", "mikro", "SMALL", "kecil", "MEDIUM", "menengah");
    /** A Camunda string variable holds at most 4,000 characters. */
    private static final int MAX_TEXT = 3_700;

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final ApplicantRanking ranking;

    RegistrationFormSections(JdbcTemplate jdbc, ProgramFacts programFacts, ApplicantRanking ranking) {
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.ranking = ranking;
    }

    @Override
    public Map<String, Object> shownOn(String taskKey, long programId) {
        Map<String, Object> shown = new HashMap<>();
        shown.put("registrationSummary", jdbc.query(
                "select status, count(*) from registration where program_id = ? group by status order by status",
                (rs, row) -> rs.getString(1) + ": " + rs.getLong(2), programId).stream().collect(Collectors.joining(", ")));
        boolean selects = programFacts.settings(programId).allocationMode() == AllocationMode.SELECTION;
        if (selects) {
            shown.put("rankedList", rankedList(programId));
        }
        return shown;
    }

    /** The ranking staff confirm, batch by batch. */
    private String rankedList(long programId) {
        StringBuilder text = new StringBuilder();
        String batch = null;
        int shown = 0;
        List<ApplicantRanking.Ranked> ranked = ranking.of(programId);
        for (ApplicantRanking.Ranked applicant : ranked) {
            String line = (applicant.batch().equals(batch) ? "" : (batch == null ? "" : "\n") + applicant.batch() + " (kuota "
                    + applicant.quota() + "):\n")
                    + applicant.rank() + ". " + applicant.name() + " (#" + applicant.registrationId() + "), " + applicant.points()
                    + " poin" + (applicant.firstTime() ? ", peserta baru" : "")
                    + (applicant.businessScale() == null ? "" : ", usaha " + SCALES.get(applicant.businessScale()))
                    + (applicant.withinQuota() ? " — TERPILIH" : " — cadangan") + "\n";
            if (text.length() + line.length() > MAX_TEXT) {
                text.append("... dan ").append(ranked.size() - shown).append(" pendaftar lain: GET /api/programs/")
                        .append(programId).append("/registrations/ranking");
                break;
            }
            text.append(line);
            batch = applicant.batch();
            shown++;
        }
        return text.isEmpty() ? "belum ada pendaftar" : text.toString();
    }
}
