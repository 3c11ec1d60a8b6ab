package id.bimtek.workspace;

import id.bimtek.proposal.AllocationMode;
import id.bimtek.proposal.Batch;
import id.bimtek.proposal.BatchSession;
import id.bimtek.proposal.BudgetItem;
import id.bimtek.proposal.DeliveryMode;
import id.bimtek.proposal.Program;
import id.bimtek.proposal.ProgramRequest;
import id.bimtek.proposal.SessionMode;
import id.bimtek.shared.Rupiah;
import id.bimtek.shared.Wib;
import jakarta.validation.ConstraintViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proposal editor's form: flat field names ({@code g0_kuota}, {@code i1_jumlah}) so a plain HTML form
 * carries any number of batches and budget items, turned into the API's {@link ProgramRequest}; each error is
 * kept under the name of the input it belongs to, in Bahasa Indonesia. Public for the template's expressions.
 */
public final class ProposalForm {

    static final List<String> KINDS = List.of("BIMTEK", "PELATIHAN");
    static final List<String> KNOWN_TRACKS = List.of("APPAREL", "FOOD", "BOGA", "CRAFT", "BATIK", "FURNITURE", "DIGITAL");
    private static final Pattern SESSION_PATH = Pattern.compile("batches\\[(\\d+)]\\.sessionPlan\\[(\\d+)]\\.?(\\w*).*");
    private static final Pattern PATH = Pattern.compile("(batches|budgetItems)\\[(\\d+)]\\.?(\\w*)(.*)");

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** Session plans of the saved proposal's batches, kept when a batch's dates and number of sessions stay. */
    private final List<Batch> saved;

    private ProposalForm(Map<String, String> values, List<Batch> saved) {
        this.values = values;
        this.saved = saved;
    }

    /** A new proposal: one batch and two budget items to fill in. */
    static ProposalForm blank() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("jenis", "BIMTEK");
        values.put("alokasi", AllocationMode.FIRST_COME.name());
        values.put("minimum", "10");
        values.put("ambang", "80");
        values.put("gelombang", "1");
        values.put("item", "2");
        values.put("g0_nama", "Gelombang 1");
        values.put("g0_cara", DeliveryMode.OFFLINE.name());
        values.put("g0_sesi", "3");
        values.put("i0_uraian", "Honorarium instruktur");
        values.put("i1_uraian", "Bahan praktik");
        return new ProposalForm(values, List.of());
    }

    /** A saved proposal, as its author left it. */
    static ProposalForm of(Program program, String lineCode) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("judul", program.getTitle());
        values.put("jenis", program.getKind());
        values.put("penyelenggara", program.getAgency());
        values.put("wilayah", program.getRegionCode() == null ? "" : program.getRegionCode());
        values.put("mata_anggaran", lineCode + "|" + program.getFiscalYear());
        values.put("batas", program.getRegistrationDeadline().atZone(Wib.ZONE).toLocalDateTime().withSecond(0).withNano(0).toString());
        values.put("minimum", String.valueOf(program.getMinimumParticipants()));
        values.put("ambang", String.valueOf(program.getCompletionThresholdPercent()));
        values.put("alokasi", program.getAllocationMode().name());
        values.put("alasan_tahun", program.getFiscalYearReason() == null ? "" : program.getFiscalYearReason());
        List<String> others = new ArrayList<>();
        for (String track : program.getTracks()) {
            if (KNOWN_TRACKS.contains(track)) {
                values.put("bidang_" + track, "ya");
            } else {
                others.add(track);
            }
        }
        values.put("bidang_lain", String.join(", ", others));
        List<Batch> batches = program.getBatches();
        values.put("gelombang", String.valueOf(batches.size()));
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            values.put("g" + i + "_nama", batch.getName());
            values.put("g" + i + "_mulai", batch.getStartDate().toString());
            values.put("g" + i + "_selesai", batch.getEndDate().toString());
            values.put("g" + i + "_tempat", batch.getVenue());
            values.put("g" + i + "_cara", batch.getMode().name());
            values.put("g" + i + "_kuota", String.valueOf(batch.getQuota()));
            values.put("g" + i + "_sesi", String.valueOf(batch.getSessions()));
            List<BatchSession> plan = batch.getSessionPlan();
            for (int j = 0; j < plan.size(); j++) {
                BatchSession session = plan.get(j);
                String row = "g" + i + "_s" + j + "_";
                values.put(row + "tanggal", session.getSessionDate().toString());
                values.put(row + "mulai", session.getStartTime().toString());
                values.put(row + "selesai", session.getEndTime().toString());
                values.put(row + "cara", session.getMode().name());
                values.put(row + "tempat", session.getMode() == SessionMode.ONLINE ? session.getMeetingLink() : session.getVenue());
                values.put(row + "topik", session.getTopic());
            }
            if (!generated(batch)) {
                values.put("g" + i + "_rinci", "ya");
            }
        }
        List<BudgetItem> items = program.getBudgetItems();
        values.put("item", String.valueOf(items.size()));
        for (int i = 0; i < items.size(); i++) {
            values.put("i" + i + "_uraian", items.get(i).getDescription());
            values.put("i" + i + "_jumlah", Rupiah.plain(items.get(i).getAmount()));
        }
        return new ProposalForm(values, batches);
    }

    /** What the browser sent; {@code saved}: the proposal's batches as stored, if it was saved before. */
    static ProposalForm posted(Map<String, String> posted, List<Batch> saved) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((name, value) -> {
            if (!name.equals("_csrf") && !name.equals("aksi")) {
                values.put(name, value == null ? "" : value.strip());
            }
        });
        return new ProposalForm(values, saved);
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    int batches() {
        return Math.max(1, Math.min(20, count("gelombang")));
    }

    int items() {
        return Math.max(1, Math.min(100, count("item")));
    }

    void addBatch() {
        int n = batches();
        values.put("gelombang", String.valueOf(n + 1));
        values.put("g" + n + "_nama", "Gelombang " + (n + 1));
        values.put("g" + n + "_cara", DeliveryMode.OFFLINE.name());
        values.put("g" + n + "_sesi", "3");
        for (String field : List.of("tempat", "mulai", "selesai", "kuota")) {
            values.put("g" + n + "_" + field, value("g" + (n - 1) + "_" + field));
        }
    }

    /** Shows batch {@code index}'s sessions one by one, filled from its dates and venue where not yet given. */
    void detailSessions(int index) {
        values.put("g" + index + "_rinci", "ya");
        String g = "g" + index + "_";
        LocalDate start = parseDate(value(g + "mulai"));
        LocalDate end = parseDate(value(g + "selesai"));
        for (int j : sessionRows(index)) {
            String row = g + "s" + j + "_";
            if (!value(row + "tanggal").isEmpty()) {
                continue;
            }
            LocalDate day = start == null ? null : end != null && start.plusDays(j).isAfter(end) ? end : start.plusDays(j);
            values.put(row + "tanggal", day == null ? "" : day.toString());
            values.put(row + "mulai", "08:00");
            values.put(row + "selesai", "16:00");
            values.put(row + "cara", DeliveryMode.ONLINE.name().equals(value(g + "cara")) ? SessionMode.ONLINE.name() : SessionMode.ON_SITE.name());
            values.put(row + "tempat", value(g + "tempat"));
            values.put(row + "topik", "Sesi " + (j + 1));
        }
    }

    /** The rows of batch {@code index}'s session plan: as many as its number of sessions (at most 100). */
    public List<Integer> sessionRows(int index) {
        String count = value("g" + index + "_sesi");
        int n = count.matches("\\d{1,3}") ? Math.min(100, Integer.parseInt(count)) : 0;
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    void addItem() {
        values.put("item", String.valueOf(items() + 1));
    }

    /** Removes row {@code index} of batches ({@code g}) or items ({@code i}), moving the later rows up. */
    void remove(String prefix, int index, String counter) {
        int n = count(counter);
        if (n <= 1 || index < 0 || index >= n) {
            return;
        }
        for (int row = index; row < n - 1; row++) {
            String from = prefix + (row + 1) + "_";
            String to = prefix + row + "_";
            List<String> names = new ArrayList<>(values.keySet());
            names.stream().filter(name -> name.startsWith(to)).forEach(values::remove);
            for (String name : names) {
                if (name.startsWith(from)) {
                    values.put(to + name.substring(from.length()), values.get(name));
                }
            }
        }
        String last = prefix + (n - 1) + "_";
        new ArrayList<>(values.keySet()).stream().filter(name -> name.startsWith(last)).forEach(values::remove);
        values.put(counter, String.valueOf(n - 1));
    }

    /** The request the form says, or null with {@link #errors()} filled when it cannot be one. */
    ProgramRequest toRequest() {
        errors.clear();
        String[] line = value("mata_anggaran").split("\\|");
        if (line.length != 2) {
            errors.put("mata_anggaran", "pilih mata anggaran");
        }
        Integer fiscalYear = line.length == 2 ? integer(line[1], "mata_anggaran") : null;
        LocalDateTime deadline = null;
        try {
            deadline = value("batas").isEmpty() ? null : LocalDateTime.parse(value("batas"));
        } catch (DateTimeParseException e) {
            errors.put("batas", "tanggal dan jam tidak valid");
        }
        List<String> tracks = new ArrayList<>(KNOWN_TRACKS.stream().filter(track -> "ya".equals(value("bidang_" + track))).toList());
        Arrays.stream(value("bidang_lain").split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.toUpperCase(java.util.Locale.ROOT).replace(' ', '_')).forEach(tracks::add);
        List<ProgramRequest.BatchRequest> batchRequests = new ArrayList<>();
        for (int i = 0; i < batches(); i++) {
            String g = "g" + i + "_";
            LocalDate start = date(g + "mulai");
            LocalDate end = date(g + "selesai");
            Integer sessions = integer(value(g + "sesi"), g + "sesi");
            DeliveryMode mode = value(g + "cara").isEmpty() ? null : DeliveryMode.valueOf(value(g + "cara"));
            List<ProgramRequest.SessionRequest> plan = ticked(g + "rinci") && sessions != null
                    ? detailedPlan(i, sessions) : keptPlan(i, start, end, sessions);
            batchRequests.add(new ProgramRequest.BatchRequest(value(g + "nama"), tracks, start, end, value(g + "tempat"), mode,
                    integer(value(g + "kuota"), g + "kuota"), sessions, plan));
        }
        List<ProgramRequest.BudgetItemRequest> itemRequests = new ArrayList<>();
        for (int i = 0; i < items(); i++) {
            String it = "i" + i + "_";
            BigDecimal amount = null;
            if (!value(it + "jumlah").isEmpty()) {
                amount = Rupiah.parse(value(it + "jumlah"));
                if (amount == null) {
                    errors.put(it + "jumlah", "jumlah harus angka rupiah, mis. 9.000.000");
                }
            }
            itemRequests.add(new ProgramRequest.BudgetItemRequest(value(it + "uraian"), amount));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProgramRequest(value("judul"), value("jenis"), value("penyelenggara"), blankToNull(value("wilayah")),
                line.length == 2 ? line[0] : "", fiscalYear, deadline == null ? null : deadline.atZone(Wib.ZONE).toOffsetDateTime(),
                integer(value("minimum"), "minimum"), integer(value("ambang"), "ambang"), null, tracks, batchRequests,
                itemRequests, AllocationMode.valueOf(value("alokasi").isEmpty() ? "FIRST_COME" : value("alokasi")), null,
                blankToNull(value("alasan_tahun")), null);
    }

    /** Bean Validation's verdicts on the request, under the inputs they concern. */
    void reject(java.util.Set<ConstraintViolation<ProgramRequest>> violations) {
        for (ConstraintViolation<ProgramRequest> violation : violations) {
            errors.putIfAbsent(inputOf(violation.getPropertyPath().toString()), message(violation));
        }
    }

    /** A refusal of the service, under the input its field names. */
    void reject(String field, String message) {
        errors.putIfAbsent(field == null ? "umum" : inputOf(field), message);
    }

    /** {@code batches[1].quota} is the input {@code g1_kuota}. */
    static String inputOf(String path) {
        Matcher session = SESSION_PATH.matcher(path);
        if (session.matches()) {
            String input = switch (session.group(3)) {
                case "date" -> "tanggal";
                case "start" -> "mulai";
                case "end" -> "selesai";
                case "mode" -> "cara";
                case "venue", "meetingLink" -> "tempat";
                default -> "topik";
            };
            return "g" + session.group(1) + "_s" + session.group(2) + "_" + input;
        }
        Matcher matcher = PATH.matcher(path);
        if (matcher.matches()) {
            String prefix = matcher.group(1).equals("batches") ? "g" : "i";
            String input = switch (matcher.group(3)) {
                case "name" -> "nama";
                case "startDate", "sessionPlan" -> "mulai";
                case "endDate" -> "selesai";
                case "venue" -> "tempat";
                case "mode" -> "cara";
                case "quota" -> "kuota";
                case "sessions" -> "sesi";
                case "description" -> "uraian";
                case "amount" -> "jumlah";
                default -> matcher.group(1).equals("batches") ? "nama" : "uraian";
            };
            return prefix + matcher.group(2) + "_" + input;
        }
        return switch (path) {
            case "title" -> "judul";
            case "kind" -> "jenis";
            case "agency" -> "penyelenggara";
            case "regionCode" -> "wilayah";
            case "budgetLineCode", "fiscalYear" -> "mata_anggaran";
            case "registrationDeadline" -> "batas";
            case "minimumParticipants" -> "minimum";
            case "completionThresholdPercent" -> "ambang";
            case "tracks" -> "bidang_lain";
            case "fiscalYearReason" -> "alasan_tahun";
            case "batches" -> "g0_nama";
            case "budgetItems" -> "i0_uraian";
            default -> path.startsWith("tracks") ? "bidang_lain" : "umum";
        };
    }

    private static String message(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> "wajib diisi";
            case "Size" -> "paling banyak " + attributes.get("max") + (violation.getInvalidValue() instanceof String ? " karakter" : "");
            case "Min" -> "paling sedikit " + attributes.get("value");
            case "Max" -> "paling banyak " + attributes.get("value");
            case "DecimalMin" -> "harus lebih dari " + attributes.get("value");
            case "Digits" -> "angka terlalu besar";
            case "Pattern" -> violation.getPropertyPath().toString().startsWith("tracks")
                    ? "kode bidang hanya huruf, mis. KULINER" : "format tidak sesuai";
            default -> "tidak valid";
        };
    }

    String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean ticked(String name) {
        return "ya".equals(value(name));
    }

    private int count(String name) {
        try {
            return Integer.parseInt(value(name));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Integer integer(String text, String input) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,6}")) {
            errors.put(input, "harus bilangan bulat");
            return null;
        }
        return Integer.valueOf(text);
    }

    private LocalDate date(String input) {
        try {
            return value(input).isEmpty() ? null : LocalDate.parse(value(input));
        } catch (DateTimeParseException e) {
            errors.put(input, "tanggal tidak valid");
            return null;
        }
    }

    /** The sessions as the rows say them; the instructors of a saved session stay with it (the API assigns them). */
    private List<ProgramRequest.SessionRequest> detailedPlan(int index, int sessions) {
        List<ProgramRequest.SessionRequest> plan = new ArrayList<>();
        List<BatchSession> savedPlan = index < saved.size() ? saved.get(index).getSessionPlan() : List.of();
        for (int j = 0; j < Math.min(sessions, 100); j++) {
            String row = "g" + index + "_s" + j + "_";
            LocalDate day = date(row + "tanggal");
            java.time.LocalTime from = time(row + "mulai");
            java.time.LocalTime to = time(row + "selesai");
            SessionMode mode = SessionMode.ONLINE.name().equals(value(row + "cara")) ? SessionMode.ONLINE : SessionMode.ON_SITE;
            String place = blankToNull(value(row + "tempat"));
            List<ProgramRequest.InstructorAssignment> instructors = j < savedPlan.size()
                    ? savedPlan.get(j).getInstructors().stream().map(assigned -> new ProgramRequest.InstructorAssignment(
                            assigned.getInstructorId(), assigned.getRole(), assigned.getHonorarium(), assigned.getHonorariumItem()))
                            .toList()
                    : List.of();
            plan.add(new ProgramRequest.SessionRequest(day, from, to, mode, mode == SessionMode.ON_SITE ? place : null,
                    mode == SessionMode.ONLINE ? place : null, value(row + "topik"), instructors));
        }
        return plan;
    }

    private java.time.LocalTime time(String input) {
        try {
            return value(input).isEmpty() ? null : java.time.LocalTime.parse(value(input));
        } catch (DateTimeParseException e) {
            errors.put(input, "jam tidak valid, mis. 08:00");
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The saved batch's session plan, while its dates and number of sessions are as saved; else generated anew. */
    private List<ProgramRequest.SessionRequest> keptPlan(int index, LocalDate start, LocalDate end, Integer sessions) {
        if (index >= saved.size()) {
            return null;
        }
        Batch batch = saved.get(index);
        if (!batch.getStartDate().equals(start) || !batch.getEndDate().equals(end) || sessions == null
                || batch.getSessions() != sessions) {
            return null;
        }
        // a detailed plan (instructors, topics, times) stays as it was; a generated one follows the batch
        return generated(batch) ? null : batch.getSessionPlan().stream().map(ProposalForm::request).toList();
    }

    /** Whether the batch's sessions are the ones its dates imply: one a day, 08:00 to 16:00, "Sesi N", nobody assigned. */
    private static boolean generated(Batch batch) {
        return batch.getSessionPlan().stream().allMatch(session -> session.getInstructors().isEmpty()
                && session.getTopic().equals("Sesi " + session.getSessionNo())
                && session.getStartTime().equals(java.time.LocalTime.of(8, 0)) && session.getEndTime().equals(java.time.LocalTime.of(16, 0)));
    }

    private static ProgramRequest.SessionRequest request(BatchSession session) {
        return new ProgramRequest.SessionRequest(session.getSessionDate(), session.getStartTime(), session.getEndTime(),
                session.getMode(), session.getVenue(), session.getMeetingLink(), session.getTopic(),
                session.getInstructors().stream().map(assigned -> new ProgramRequest.InstructorAssignment(
                        assigned.getInstructorId(), assigned.getRole(), assigned.getHonorarium(), assigned.getHonorariumItem()))
                        .toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
