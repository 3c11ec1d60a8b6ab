package id.bimtek.registration;

import id.bimtek.shared.PdfSheet;
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
 * The programme's list of registrations to print, batch by batch, in words (not codes): NIKs masked, since a
 * printed list travels; references never.
 */
@Component
class ParticipantList {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            Locale.forLanguageTag("id-ID")).withZone(Wib.ZONE);
    private static final Map<String, String> STATUS = Map.of("REGISTERED", "terdaftar", "WAITLISTED", "daftar tunggu",
            "APPLIED", "melamar", "OFFERED", "ditawari kursi", "CONFIRMED", "peserta", "WITHDRAWN", "mundur",
            "NOT_SELECTED", "tidak terpilih", "CANCELLED", "dibatalkan", "OFFER_DECLINED", "menolak kursi",
            "OFFER_EXPIRED", "tawaran lewat waktu");

    private final RegistrationService registrations;
    private final JdbcTemplate jdbc;

    ParticipantList(RegistrationService registrations, JdbcTemplate jdbc) {
        this.registrations = registrations;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    byte[] pdf(long programId, String printedBy) {
        Map<String, Object> program = jdbc.queryForMap("select code, title, agency from program where id = ?", programId);
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> perStatus = new LinkedHashMap<>();
        registrations.ofProgram(programId).stream()
                .sorted(java.util.Comparator.comparing(RegistrationView::batch).thenComparing(r -> r.status().ordinal())
                        .thenComparing(RegistrationView::name))
                .forEach(r -> {
                    String status = STATUS.getOrDefault(r.status().name(), r.status().name().toLowerCase(Locale.ROOT));
                    perStatus.merge(status, 1, Integer::sum);
                    rows.add(List.of(String.valueOf(rows.size() + 1), r.batch(), r.name(), r.businessName(), r.district(),
                            RegistrationView.masked(r.nik()), status,
                            r.attendancePercent() == null ? "" : r.attendancePercent() + " %",
                            r.attendedHours() == null ? "" : r.attendedHours().stripTrailingZeros().toPlainString(),
                            r.certificateNumber() == null ? "" : r.certificateNumber()));
                });
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Program", program.get("code") + " · " + program.get("title"));
        facts.put("Penyelenggara", (String) program.get("agency"));
        facts.put("Jumlah", rows.size() + " pendaftar: " + perStatus.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(java.util.stream.Collectors.joining(", ")));
        return PdfSheet.landscape("Daftar Peserta", "Dicetak " + PRINTED.format(Instant.now()) + " WIB oleh " + printedBy
                        + " · " + program.get("code"))
                .facts(facts)
                .table("Pendaftar per gelombang", new float[] {0.5f, 1.6f, 2.4f, 2.1f, 1.5f, 1.8f, 1.4f, 0.9f, 0.7f, 3.2f},
                        List.of("No", "Gelombang", "Nama", "Usaha", "Kecamatan", "NIK", "Status", "Hadir", "Jam", "Sertifikat"),
                        rows, 0)
                .finish();
    }
}
