package id.bimtek.outcomes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The dashboard as a spreadsheet: one row per programme with its figures, then the totals and each monitoring
 * round. Plain numbers (a dot for decimals) so spreadsheets compute with them.
 */
@Component
class OutcomeCsv {

    private static final String[] HEADER = {"kode", "judul", "jenis", "instansi", "tahun_anggaran", "status", "kursi",
            "pendaftar", "pendaftar_per_kursi", "peserta", "kelulusan_ditetapkan", "lulus", "persen_lulus",
            "realisasi_anggaran", "biaya_per_lulusan", "peserta_ulang", "putaran_pemantauan"};

    byte[] of(OutcomeReport.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (OutcomeReport.Programme p : report.programmes()) {
                printer.printRecord(p.code(), p.title(), p.kind(), p.agency(), p.fiscalYear(), p.status(), p.seats(),
                        p.applicants(), plain(p.applicantsPerSeat()), p.participants(), p.decided(), p.graduates(),
                        plain(p.completionPercent()), plain(p.realised()), plain(p.costPerGraduate()),
                        p.repeatParticipants(), String.join(" ", p.rounds().stream().map(String::valueOf).toList()));
            }
            OutcomeReport.Totals t = report.totals();
            printer.printRecord("JUMLAH", t.programmes() + " program", "", "", "", "", t.seats(), t.applicants(),
                    plain(t.applicantsPerSeat()), t.participants(), t.decided(), t.graduates(), plain(t.completionPercent()),
                    plain(t.realisedOfCosted()), plain(t.costPerGraduate()), t.repeatParticipants(), "");
            printer.println();
            printer.printRecord("putaran", "usaha_dilaporkan", "usaha_aktif", "persen_aktif", "median_omzet",
                    "median_omzet_saat_daftar", "usaha_dengan_omzet_saat_daftar", "median_tenaga_kerja",
                    "median_tenaga_kerja_saat_daftar", "usaha_dengan_tenaga_kerja_saat_daftar");
            for (OutcomeReport.Round r : report.rounds()) {
                printer.printRecord(r.round(), r.reported(), r.active(), plain(r.activePercent()), plain(r.medianRevenue()),
                        plain(r.baselineRevenue()), r.revenueBaselines(), plain(r.medianEmployees()),
                        plain(r.baselineEmployees()), r.employeeBaselines());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
