package id.bimtek.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with one statement ({@code insert ... values (...), (...)}): one round trip and one
 * execution of the table's statement-level triggers, where a JDBC batch runs one statement per row.
 */
public final class MultiRowInsert {

    /** PostgreSQL takes at most 65,535 parameters in one statement. */
    private static final int MAX_PARAMETERS = 65_535;

    private MultiRowInsert() {
    }

    /** {@code into} is e.g. {@code "insert into t (a, b)"}; every row has one value per column, in that order. */
    public static void insert(JdbcTemplate jdbc, String into, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int rowsPerStatement = MAX_PARAMETERS / columns;
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            List<Object> values = new ArrayList<>(chunk.size() * columns);
            for (Object[] rowValues : chunk) {
                Collections.addAll(values, rowValues);
            }
            jdbc.update(into + " values " + placeholders(chunk.size(), columns), values.toArray());
        }
    }

    private static String placeholders(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
