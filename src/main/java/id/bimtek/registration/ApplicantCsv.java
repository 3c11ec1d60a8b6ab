package id.bimtek.registration;

import id.bimtek.shared.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a list of applicants as a spreadsheet exports it: UTF-8 (with or without a byte order mark), values
 * separated by {@code ,} or by {@code ;} (Excel in an Indonesian locale), a header row naming the columns in
 * English or Indonesian, in any order and case. The whole file is read before anything is imported, so a
 * broken header or a file that is too long is refused with nothing written.
 */
final class ApplicantCsv {

    private static final Pattern WITHOUT_CONTROLS = Pattern.compile(RegistrationRequest.TEXT);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{4}");
    private static final DateTimeFormatter ISO_DATE_FORMAT = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST_FORMAT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The columns of the file, the property of {@link RegistrationRequest} each fills, and their other names. */
    enum Column {
        NIK("nik", "nik", true),
        NAME("name", "name", true, "nama"),
        BUSINESS_NAME("business_name", "businessName", true, "nama_usaha", "businessname", "usaha"),
        SECTOR("sector", "sector", true, "sektor", "bidang", "bidang_usaha"),
        DISTRICT("district", "district", true, "kecamatan"),
        PHONE("phone", "phone", true, "telepon", "no_telepon", "no_hp"),
        BATCH("batch", "batch", true, "gelombang"),
        NIB("nib", "nib", false),
        BUSINESS_SCALE("business_scale", "businessScale", false, "skala_usaha", "skala"),
        // where the business stood when it applied: the baseline of the monitoring rounds
        MONTHLY_REVENUE("monthly_revenue", "monthlyRevenue", false, "omzet", "omzet_bulanan", "omzet_per_bulan"),
        EMPLOYEES("employees", "employees", false, "tenaga_kerja", "jumlah_tenaga_kerja", "karyawan"),
        EMAIL("email", "email", false, "surel", "e_mail", "alamat_email"),
        // from the agency's own lists: an earlier programme the applicant completed, and when (a year or a date)
        EARLIER_PROGRAMME("earlier_programme", "earlierProgramme", false, "program_sebelumnya", "pelatihan_sebelumnya"),
        EARLIER_COMPLETED("earlier_completed", "earlierCompleted", false, "tahun_sebelumnya", "selesai_sebelumnya"),
        // the date on a paper form: decides among equal points in a ranking
        APPLIED_ON("applied_on", "appliedOn", false, "tanggal_daftar", "tanggal_pendaftaran");

        final String header;
        final String property;
        final boolean required;
        private final List<String> aliases;

        Column(String header, String property, boolean required, String... aliases) {
            this.header = header;
            this.property = property;
            this.required = required;
            this.aliases = List.of(aliases);
        }

        static Optional<Column> named(String header) {
            String normalised = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            return Arrays.stream(values())
                    .filter(column -> column.header.equals(normalised) || column.aliases.contains(normalised))
                    .findFirst();
        }

        static Optional<Column> ofProperty(String property) {
            return Arrays.stream(values()).filter(column -> column.property.equals(property)).findFirst();
        }
    }

    /** One applicant row; {@code number} is the row as a spreadsheet shows it (the header is row 1). */
    record Row(long number, Map<Column, String> values, Integer strayValueColumn) {

        String value(Column column) {
            return values.get(column);
        }

        /** The request of this row; a business size it does not know is a 400 naming {@code businessScale}. */
        RegistrationRequest request() {
            return new RegistrationRequest(value(Column.NIK), value(Column.NAME), value(Column.BUSINESS_NAME),
                    value(Column.SECTOR), value(Column.DISTRICT), value(Column.PHONE), value(Column.BATCH), value(Column.NIB),
                    businessScale(value(Column.BUSINESS_SCALE)), number(Column.MONTHLY_REVENUE),
                    number(Column.EMPLOYEES) == null ? null : (int) Math.min(Integer.MAX_VALUE, number(Column.EMPLOYEES)),
                    value(Column.EMAIL));
        }

        /** A number as spreadsheets write it ("5.000.000", "Rp 5000000"); anything else is a 400 naming the column. */
        private Long number(Column column) {
            if (TypedNumber.unreadable(value(column))) {
                throw ProblemException.invalid(column.property, "\"" + value(column) + "\" is not a whole number");
            }
            return TypedNumber.of(value(column));
        }

        /**
         * What a paper list says beyond the request: the date of application and an earlier completion. A date
         * in the future, or an earlier programme without its year (or the reverse), is a 400 naming the column.
         */
        Paper paper(LocalDate today) {
            LocalDate appliedOn = date(Column.APPLIED_ON, false);
            if (appliedOn != null && appliedOn.isAfter(today)) {
                throw ProblemException.invalid(Column.APPLIED_ON.property, "the date of application " + appliedOn
                        + " is in the future");
            }
            String earlier = blankToNull(value(Column.EARLIER_PROGRAMME));
            LocalDate completed = date(Column.EARLIER_COMPLETED, true);
            if (earlier == null && completed != null) {
                throw ProblemException.invalid(Column.EARLIER_PROGRAMME.property,
                        "name the earlier programme completed in " + completed.getYear());
            }
            if (earlier != null && completed == null) {
                throw ProblemException.invalid(Column.EARLIER_COMPLETED.property,
                        "give the year (or date) the earlier programme '" + earlier + "' was completed");
            }
            if (completed != null && completed.getYear() > today.getYear()) {
                throw ProblemException.invalid(Column.EARLIER_COMPLETED.property, "the year " + completed.getYear()
                        + " is in the future");
            }
            if (earlier != null && (earlier.length() > 300 || !WITHOUT_CONTROLS.matcher(earlier).matches())) {
                throw ProblemException.invalid(Column.EARLIER_PROGRAMME.property,
                        "must be at most 300 characters without control characters");
            }
            return new Paper(appliedOn, earlier, completed);
        }

        /**
         * A date as spreadsheets in Indonesia write it: 2025-08-14, 14/08/2025 or 14-08-2025; with
         * {@code yearAlone}, 2023 alone stands for the last day of 2023 (the latest the completion can have been).
         */
        private LocalDate date(Column column, boolean yearAlone) {
            String written = blankToNull(value(column));
            if (written == null) {
                return null;
            }
            try {
                if (yearAlone && YEAR.matcher(written).matches()) {
                    return LocalDate.of(Integer.parseInt(written), 12, 31);
                }
                if (ISO_DATE.matcher(written).matches()) {
                    return LocalDate.parse(written, ISO_DATE_FORMAT);
                }
                if (DAY_FIRST_DATE.matcher(written).matches()) {
                    return LocalDate.parse(written.replace('-', '/'), DAY_FIRST_FORMAT);
                }
            } catch (DateTimeException notADate) {
                // the message below says what is expected
            }
            throw ProblemException.invalid(column.property, "'" + written + "' is not a date such as 2025-08-14 or 14/08/2025"
                    + (yearAlone ? ", or a year such as 2023" : ""));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static BusinessScale businessScale(String written) {
            if (written == null || written.isBlank()) {
                return null;
            }
            return switch (written.strip().toUpperCase(Locale.ROOT)) {
                case "MICRO", "MIKRO" -> BusinessScale.MICRO;
                case "SMALL", "KECIL" -> BusinessScale.SMALL;
                case "MEDIUM", "MENENGAH" -> BusinessScale.MEDIUM;
                default -> throw ProblemException.invalid("businessScale",
                        "must be MICRO, SMALL or MEDIUM (mikro, kecil, menengah), or empty");
            };
        }
    }

    /** A paper application's date, and an earlier programme the applicant completed (all optional). */
    record Paper(LocalDate appliedOn, String earlierProgramme, LocalDate earlierCompleted) {
    }

    /** The rows, and each column's name as the file's header wrote it (to name it back in the report). */
    record Contents(List<Row> rows, Map<Column, String> headerNames) {

        /** The file's name for a property of the request ({@code businessName} may be {@code nama_usaha}); else the property. */
        String fieldName(String property) {
            return Column.ofProperty(property).map(headerNames::get).orElse(property);
        }
    }

    private ApplicantCsv() {
    }

    static Contents read(byte[] file, int maxRows) {
        String text = decode(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(separatorOf(text))
                // blank lines still count, so row numbers stay those the spreadsheet shows
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        long[] lastRowRead = {0};
        try (CSVParser parser = CSVParser.parse(text, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalid("file", "the file is empty; its first row must name the columns "
                        + requiredColumns());
            }
            CSVRecord header = records.next();
            lastRowRead[0] = header.getRecordNumber();
            Map<Integer, Column> columnAt = columnsOf(header);
            Map<Column, String> headerNames = new EnumMap<>(Column.class);
            columnAt.forEach((position, column) -> headerNames.put(column, header.get(position)));
            List<Row> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lastRowRead[0] = record.getRecordNumber();
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new ProblemException(ProblemException.Kind.TOO_LARGE, "file",
                            "the file has more than " + maxRows + " applicant rows; split it into several files");
                }
                rows.add(row(record, columnAt));
            }
            if (rows.isEmpty()) {
                throw ProblemException.invalid("file", "the file has a header but no applicant rows");
            }
            return new Contents(rows, headerNames);
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // the parser's message names its own classes; the user needs the row, as the spreadsheet numbers it
            throw ProblemException.invalid("file", "the file is not readable as CSV from line " + (lastRowRead[0] + 1)
                    + ": check the quotes (\") and separators there");
        }
    }

    private static String decode(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file",
                    "the file is not UTF-8 text; in Excel, save it as \"CSV UTF-8 (Comma delimited)\"");
        }
    }

    /** Excel writes {@code ;} where the decimal separator is a comma: whichever the header line uses more. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String headerLine = end < 0 ? text : text.substring(0, end);
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static Map<Integer, Column> columnsOf(CSVRecord header) {
        Map<Integer, Column> columnAt = new TreeMap<>();
        Map<Column, String> seen = new EnumMap<>(Column.class);
        for (int position = 0; position < header.size(); position++) {
            String name = header.get(position);
            if (name.isBlank()) {
                // a trailing separator after the last name: harmless as long as its cells stay empty
                continue;
            }
            Column column = Column.named(name).orElseThrow(() -> ProblemException.invalid(name,
                    "unknown column '" + name + "'; the columns are " + requiredColumns() + " and optionally " + optionalColumns()));
            if (seen.containsKey(column)) {
                throw ProblemException.invalid(name, "the columns '" + seen.get(column) + "' and '" + name
                        + "' are both " + column.header);
            }
            seen.put(column, name);
            columnAt.put(position, column);
        }
        for (Column column : Column.values()) {
            if (column.required && !seen.containsKey(column)) {
                throw ProblemException.invalid(column.header, "the column '" + column.header + "' is missing; the columns are "
                        + requiredColumns() + " and optionally " + optionalColumns());
            }
        }
        return columnAt;
    }

    private static Row row(CSVRecord record, Map<Integer, Column> columnAt) {
        Map<Column, String> values = new EnumMap<>(Column.class);
        Integer strayValueColumn = null;
        for (int position = 0; position < record.size(); position++) {
            Column column = columnAt.get(position);
            if (column != null) {
                values.put(column, record.get(position));
            } else if (!record.get(position).isBlank() && strayValueColumn == null) {
                strayValueColumn = position + 1;
            }
        }
        return new Row(record.getRecordNumber(), values, strayValueColumn);
    }

    private static String optionalColumns() {
        return Arrays.stream(Column.values()).filter(column -> !column.required).map(column -> column.header)
                .collect(Collectors.joining(", "));
    }

    private static String requiredColumns() {
        return Arrays.stream(Column.values()).filter(column -> column.required).map(column -> column.header)
                .collect(Collectors.joining(", "));
    }
}
