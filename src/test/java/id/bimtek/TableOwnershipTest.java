package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is written by the package that owns it; the others call its service (ADR 10). A few columns on the
 * batch row belong to the stage whose state they hold, and are granted here by name: the seat count is
 * registration's, the attendance task, its closing and the delivered mark are delivery's. Reading across stages
 * is the reports' business (ADR 7) and not checked here.
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("audit_record", "audit"), Map.entry("audit_chain_head", "audit"),
            Map.entry("budget_line", "budget"), Map.entry("budget_movement", "budget"),
            Map.entry("budget_ceiling_change", "budget"),
            Map.entry("program", "proposal"), Map.entry("batch", "proposal"), Map.entry("batch_session", "proposal"),
            Map.entry("budget_item", "proposal"),
            Map.entry("registration", "registration"), Map.entry("earlier_participation", "registration"),
            Map.entry("import_run", "registration"),
            Map.entry("attendance", "delivery"), Map.entry("instructor_attendance", "delivery"),
            Map.entry("closing_report", "closing"), Map.entry("closing_realised_item", "closing"),
            Map.entry("certificate", "closing"),
            Map.entry("follow_up_item", "followup"), Map.entry("outcome", "followup"),
            Map.entry("monitoring_round", "followup"),
            Map.entry("delegation", "delegation"), Map.entry("notification", "notification"),
            Map.entry("instructor", "instructor"), Map.entry("decision", "workflow"));

    /** table.column written by a package other than the table's owner, and by which. */
    private static final Map<String, String> GRANTED_COLUMNS = Map.ofEntries(
            Map.entry("batch.taken", "registration"),
            Map.entry("batch.attendance_task_id", "delivery"), Map.entry("batch.closed_by", "delivery"),
            Map.entry("batch.closed_at", "delivery"), Map.entry("batch.unrecorded_sessions_reason", "delivery"),
            Map.entry("batch.delivered", "delivery"),
            Map.entry("batch_session.attendance_corrections", "delivery"),
            Map.entry("batch_session.attendance_recorded_by", "delivery"),
            Map.entry("batch_session.attendance_recorded_at", "delivery"));

    private static final Pattern UPDATE = Pattern.compile(
            "\\bupdate\\s+([a-z_]+)(?:\\s+[a-z]\\b)?\\s+set\\s+(.*?)\\s+(?:where|from|returning)\\b", Pattern.DOTALL);
    private static final Pattern INSERT_OR_DELETE = Pattern.compile("\\b(?:insert\\s+into\\s+([a-z_]+)\\s*\\(|delete\\s+from\\s+([a-z_]+)\\b)");
    private static final Pattern ASSIGNED = Pattern.compile("(?<![.\\w])([a-z_]+)\\s*=(?!=)");
    private static final Path SOURCES = Path.of("src/main/java/id/bimtek");

    @Test
    void everyTableIsWrittenByItsOwnerOrThroughAColumnGrantedByName() throws IOException {
        Set<String> foreign = new TreeSet<>();
        int writes = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                if (pkg.equals("shared") || pkg.equals("demo")) {
                    continue; // generic helpers (a multi-row insert of any table) and the demo's data
                }
                String code = Files.readString(file);
                Matcher update = UPDATE.matcher(code);
                while (update.find()) {
                    writes++;
                    String table = update.group(1);
                    for (String column : topLevelAssignments(update.group(2))) {
                        if (!pkg.equals(OWNER.get(table)) && !pkg.equals(GRANTED_COLUMNS.get(table + "." + column))) {
                            foreign.add(pkg + " sets " + table + "." + column + " (" + file.getFileName() + ")");
                        }
                    }
                }
                Matcher insertOrDelete = INSERT_OR_DELETE.matcher(code);
                while (insertOrDelete.find()) {
                    writes++;
                    String table = insertOrDelete.group(1) != null ? insertOrDelete.group(1) : insertOrDelete.group(2);
                    if (!pkg.equals(OWNER.get(table))) {
                        foreign.add(pkg + " inserts into or deletes from " + table + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(writes).as("SQL writes found").isGreaterThan(40);
        assertThat(foreign).as("writes by a package that does not own the table or column").isEmpty();
    }

    /** The columns a SET clause assigns, leaving out what its subqueries compare. */
    private static Set<String> topLevelAssignments(String setClause) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        for (char c : setClause.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                top.append(c);
            }
        }
        Set<String> columns = new TreeSet<>();
        ASSIGNED.matcher(top).results().forEach(match -> columns.add(match.group(1)));
        return columns;
    }
}
