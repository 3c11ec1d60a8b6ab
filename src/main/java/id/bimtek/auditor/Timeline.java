package id.bimtek.auditor;

import id.bimtek.audit.AuditTrail;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Roles;
import id.bimtek.shared.StaffPage;
import id.bimtek.shared.Words;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A programme's audit trail as an auditor reads it: grouped by lifecycle stage, each stage's decisions first,
 * every record in words (what happened, who, for whom) with its old and new values as a list of changed
 * fields. The page, the CSV and the PDF all read it from here, so they say the same.
 */
@Component
public class Timeline {

    /** One record, readable; {@code record} keeps everything stored (seq, hashes, raw values). */
    public record Item(AuditTrail.Record record, String kind, String actor, String onBehalfOf, String what,
                       List<Changes.Change> changes) {

        public String changesText() {
            return String.join("; ", changes.stream().map(Changes.Change::toString).toList());
        }

        /** What happened, with words instead of the arrow, for documents whose standard fonts have no arrow. */
        public String whatInWords() {
            return what.replace(" → ", " menjadi ");
        }
    }

    /**
     * A stage's records: {@code items} is one page of them (from record {@code first}, 1-based), {@code total} all
     * that passed the filter; the decisions are always all there.
     */
    public record StageGroup(AuditTrail.Stage stage, String name, List<Item> decisions, List<Item> items, int total,
                             int first, int page) {

        public int last() {
            return first + items.size() - 1;
        }

        public boolean hasNext() {
            return last() < total;
        }
    }

    /** Records of one stage on one page: a selection with ten thousand applicants is read a page at a time. */
    public static final int PAGE = 200;

    /** The groups, and how many of the engine's steps the filter left out (the page offers them). */
    public record View(List<StageGroup> groups, int shown, int engineStepsLeftOut) {
    }

    private final Labels labels;
    private final Words words;
    private final StaffPage people;

    Timeline(Labels labels, Words words, StaffPage people) {
        this.labels = labels;
        this.words = words;
        this.people = people;
    }

    /** Every record of every stage, unpaged: for documents, which hold the whole trail. */
    public View whole(List<AuditTrail.Record> all, AuditFilter filter) {
        return of(all, filter, 1, Integer.MAX_VALUE);
    }

    /** {@code page} (1-based) is the page of the filter's stage; without a stage every group shows its first page. */
    public View of(List<AuditTrail.Record> all, AuditFilter filter, int page) {
        return of(all, filter, page, PAGE);
    }

    private View of(List<AuditTrail.Record> all, AuditFilter filter, int page, int pageSize) {
        Map<AuditTrail.Stage, List<AuditTrail.Record>> matching = new EnumMap<>(AuditTrail.Stage.class);
        int shown = 0;
        int engineSteps = 0;
        for (AuditTrail.Record record : all) {
            if (!filter.matches(record)) {
                if (AuditFilter.isEngineStep(record) && !filter.engineSteps()
                        && filter.withEngineSteps().matches(record)) {
                    engineSteps++;
                }
                continue;
            }
            shown++;
            matching.computeIfAbsent(record.stage(), stage -> new ArrayList<>()).add(record);
        }
        Function<String, String> names = memo(people::nameOf);
        List<StageGroup> groups = new ArrayList<>();
        matching.forEach((stage, records) -> {
            int pages = (int) ((records.size() + (long) pageSize - 1) / pageSize);
            int pageOfStage = stage == filter.stage() ? Math.max(1, Math.min(page, pages)) : 1;
            int from = (int) Math.min(records.size(), (pageOfStage - 1L) * pageSize);
            // only the records shown are put into words: their changed fields are parsed from JSON
            List<Item> items = records.subList(from, (int) Math.min(records.size(), (long) from + pageSize)).stream()
                    .map(record -> item(record, names)).toList();
            List<Item> decisions = records.stream().filter(record -> "DECISION".equals(record.kind()))
                    .map(record -> item(record, names)).toList();
            groups.add(new StageGroup(stage, labels.stage(stage), decisions, items, records.size(), from + 1, pageOfStage));
        });
        return new View(groups, shown, engineSteps);
    }

    /** Every record that passes the filter, readable, in the order of the trail (for the exports). */
    public List<Item> items(List<AuditTrail.Record> records) {
        Function<String, String> names = memo(people::nameOf);
        return records.stream().map(record -> item(record, names)).toList();
    }

    private Item item(AuditTrail.Record record, Function<String, String> names) {
        List<Changes.Change> changes = Changes.between(record.oldValue(), record.newValue()).stream()
                .map(this::inWords).toList();
        return new Item(record, labels.kind(record.kind()), person(record.actor(), names),
                person(record.onBehalfOf(), names), what(record), changes);
    }

    /** An instant as the engine writes it (ISO, UTC): shown in WIB. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private static final Pattern LIST_SEPARATOR = Pattern.compile(",\\s*");

    /** Statuses, decisions, roles and instants are stored as codes; a reader gets their words. */
    private Changes.Change inWords(Changes.Change change) {
        return switch (change.field()) {
            case "status" -> worded(change, this::status);
            case "keputusan" -> worded(change, words::decision);
            case "ditawarkan kepada" -> worded(change, Timeline::roles);
            // nested fields (a batch's session's mode) by their own name
            case "cara memilih peserta" -> worded(change, words::allocation);
            case "dasar kelulusan" -> worded(change, words::completionBasis);
            case "putaran pemantauan" -> worded(change, rounds -> String.join(", ",
                    LIST_SEPARATOR.splitAsStream(rounds).map(IsoDurations::inWords).toList()));
            case "waktu menjawab tawaran kursi" -> worded(change, IsoDurations::inWords);
            // nested fields (a batch's session's mode) by their own name
            default -> switch (ownName(change.field())) {
                case "cara" -> worded(change, words::mode);
                case "bidang usaha" -> worded(change, this::tracks);
                case "jumlah", "jumlah anggaran", "pagu", "pagu mata anggaran", "komitmen mata anggaran",
                     "realisasi mata anggaran", "omzet" -> worded(change, Timeline::rupiah);
                case "usaha aktif", "lulus" -> worded(change, yes -> "true".equals(yes) ? "ya" : "false".equals(yes) ? "tidak" : yes);
                default -> isInstant(change.after()) || isInstant(change.before()) ? worded(change, this::moment) : change;
            };
        };
    }

    /** An amount as the auditors read it everywhere ("Rp 9.000.000,00"); what is not a number stays as it is. */
    private static String rupiah(String amount) {
        try {
            return Rupiah.toTheCent(new java.math.BigDecimal(amount));
        } catch (NumberFormatException notAnAmount) {
            return amount;
        }
    }

    /** Both values in words; "—" (the field was absent) stays as it is. */
    private static Changes.Change worded(Changes.Change change, Function<String, String> words) {
        return new Changes.Change(change.field(), word(change.before(), words), word(change.after(), words));
    }

    /** The length and the 'T' first, so most values (names, numbers) skip the pattern. */
    private static boolean isInstant(String text) {
        return text.length() >= 17 && text.charAt(10) == 'T' && INSTANT.matcher(text).matches();
    }

    /** A programme's status, or else a registration's (both are recorded as "status"). */
    private String status(String code) {
        String programme = words.status(code);
        return programme.equals(code) ? words.registration(code) : programme;
    }

    /** "Gelombang 1 · Sesi 2 · cara" is a "cara". */
    private static String ownName(String field) {
        int nested = field.lastIndexOf(" · ");
        return nested < 0 ? field : field.substring(nested + " · ".length());
    }

    private String tracks(String codes) {
        return String.join(", ", LIST_SEPARATOR.splitAsStream(codes).map(words::track).toList());
    }

    private String moment(String text) {
        try {
            return words.when(java.time.Instant.parse(text));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return text;
        }
    }

    private static String roles(String groups) {
        return String.join(", ", LIST_SEPARATOR.splitAsStream(groups).map(Roles::nameOf).toList());
    }

    private static String word(String code, Function<String, String> words) {
        return "—".equals(code) ? code : words.apply(code);
    }

    /** The record's detail in words where its kind is known; the stored detail otherwise. */
    private String what(AuditTrail.Record record) {
        String detail = record.detail() == null ? "" : record.detail();
        return switch (record.kind()) {
            case "DECISION" -> {
                int colon = detail.indexOf(": ");
                String decision = colon < 0 ? detail : detail.substring(0, colon);
                String comment = colon < 0 ? "" : detail.substring(colon + 2);
                yield words.decision(decision) + (comment.isBlank() ? "" : " — “" + comment + "”");
            }
            case "STATUS_CHANGED" -> {
                String[] statuses = detail.split(" -> ");
                yield statuses.length == 2 ? words.status(statuses[0]) + " → " + words.status(statuses[1]) : detail;
            }
            case "TASK_CREATED" -> detail.startsWith("offered to ")
                    ? "ditawarkan kepada " + roles(detail.substring("offered to ".length())) : detail;
            case "TASK_ASSIGNED" -> detail.equals("released") ? "dilepas" : detail.replace("held by ", "dipegang oleh ");
            case "TASK_COMPLETED" -> "diselesaikan";
            case "TASK_WITHDRAWN" -> "ditarik: proses meninggalkan tugas ini (misalnya program dibatalkan)";
            default -> detail;
        };
    }

    private static String person(String userId, Function<String, String> names) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        String name = names.apply(userId);
        return name.equals(userId) ? userId : name + " (" + userId + ")";
    }

    private static Function<String, String> memo(Function<String, String> lookup) {
        Map<String, String> known = new HashMap<>();
        return key -> known.computeIfAbsent(key, lookup);
    }
}
