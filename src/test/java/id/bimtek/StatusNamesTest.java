package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.budget.BudgetMovementKind;
import id.bimtek.budget.FundingSource;
import id.bimtek.followup.FollowUpKind;
import id.bimtek.followup.FollowUpStatus;
import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.CompletionBasis;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.InstructorRole;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.proposal.SessionMode;
import id.bimtek.registration.ImportRuns;
import id.bimtek.registration.RegistrationStatus;
import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Status and kind names are the Java enums', bound to the database: each column's check allows exactly its enum's
 * names (a new enum value without its migration, or the reverse, fails here), and every name SQL in the code spells
 * out ({@code where status = 'OFFERED'}) is one of those names, so a misspelt status cannot silently match nothing.
 */
@LifecycleTest
class StatusNamesTest {

    /** table.column, and the enum whose names it holds */
    private static final Map<String, Class<? extends Enum<?>>> COLUMNS = Map.ofEntries(
            Map.entry("program.status", ProgramStatus.class),
            Map.entry("program.allocation_mode", AllocationMode.class),
            Map.entry("program.completion_basis", CompletionBasis.class),
            Map.entry("registration.status", RegistrationStatus.class),
            Map.entry("batch.mode", DeliveryMode.class),
            Map.entry("batch_session.mode", SessionMode.class),
            Map.entry("session_instructor.role", InstructorRole.class),
            Map.entry("budget_line.source", FundingSource.class),
            Map.entry("budget_movement.kind", BudgetMovementKind.class),
            Map.entry("follow_up_item.kind", FollowUpKind.class),
            Map.entry("follow_up_item.status", FollowUpStatus.class),
            Map.entry("import_run.state", ImportRuns.State.class));

    /** Quoted upper-case words in the code that are not such names: a date pattern's literal text. */
    private static final Set<String> NOT_NAMES = Set.of("WIB");

    private static final Pattern QUOTED_NAME = Pattern.compile("'([A-Z][A-Z_]{2,})'");

    @Autowired JdbcTemplate jdbc;

    @Test
    void everyColumnsCheckAllowsExactlyItsEnumsNames() {
        Map<String, Set<String>> mismatched = new TreeMap<>();
        COLUMNS.forEach((column, type) -> {
            String[] tableAndColumn = column.split("\\.");
            Set<String> allowed = new TreeSet<>();
            jdbc.queryForList("""
                    select pg_get_constraintdef(c.oid) from pg_constraint c join pg_class t on t.oid = c.conrelid
                     where t.relname = ? and c.contype = 'c'""", String.class, tableAndColumn[0]).stream()
                    .filter(definition -> definition.contains("(" + tableAndColumn[1] + ")::text"))
                    .forEach(definition -> QUOTED_NAME.matcher(definition).results().forEach(name -> allowed.add(name.group(1))));
            Set<String> names = names(type);
            if (!allowed.equals(names)) {
                mismatched.put(column, allowed);
            }
        });
        assertThat(mismatched).as("columns whose check differs from their enum").isEmpty();
    }

    @Test
    void everyNameTheCodesSqlSpellsOutIsAnEnumsName() throws IOException {
        Set<String> known = COLUMNS.values().stream().flatMap(type -> names(type).stream()).collect(Collectors.toSet());
        Map<String, String> unknown = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher quoted = QUOTED_NAME.matcher(Files.readString(source));
                while (quoted.find()) {
                    if (!known.contains(quoted.group(1)) && !NOT_NAMES.contains(quoted.group(1))) {
                        unknown.put(quoted.group(1), source.getFileName().toString());
                    }
                }
            }
        }
        assertThat(known).hasSizeGreaterThan(40);
        assertThat(unknown).as("quoted names in SQL that no status or kind enum has").isEmpty();
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
