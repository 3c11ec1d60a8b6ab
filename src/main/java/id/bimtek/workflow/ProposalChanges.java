package id.bimtek.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.bimtek.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a reviewer needs after a send-back: what the author changed since, read from the audit trail (the
 * proposal as it stood when it was sent back, against the proposal now), shown on the task "Tinjau usulan".
 */
@Component
class ProposalChanges implements TaskFormSection {

    private static final String FIELD = "changesSinceSentBack";
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "Judul"), Map.entry("kind", "Jenis"), Map.entry("agency", "Penyelenggara"),
            Map.entry("regionCode", "Wilayah peserta"), Map.entry("allocationMode", "Cara memilih peserta"),
            Map.entry("budgetLineId", "Mata anggaran"), Map.entry("fiscalYear", "Tahun anggaran"),
            Map.entry("registrationDeadline", "Batas pendaftaran"), Map.entry("minimumParticipants", "Peserta minimum"),
            Map.entry("completionThresholdPercent", "Ambang kelulusan"), Map.entry("followUpRounds", "Putaran pemantauan"),
            Map.entry("tracks", "Bidang usaha"), Map.entry("fiscalYearReason", "Alasan di luar tahun anggaran"),
            Map.entry("completionBasis", "Dasar kelulusan"), Map.entry("requestedTotal", "Jumlah anggaran"));
    private static final Map<String, String> BATCH_FIELDS = Map.of("name", "nama", "startDate", "mulai",
            "endDate", "selesai", "venue", "tempat", "mode", "cara", "quota", "kuota", "sessions", "jumlah sesi",
            "sessionPlan", "jadwal sesi");

    private final AuditTrail audit;
    private final ObjectMapper json;

    ProposalChanges(AuditTrail audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public Map<String, Object> shownOn(String taskKey, long programId) {
        if (!"reviewProposal".equals(taskKey)) {
            return Map.of();
        }
        List<AuditTrail.Record> trail = audit.of(programId);
        int sentBack = -1;
        for (int i = 0; i < trail.size(); i++) {
            AuditTrail.Record record = trail.get(i);
            if ("DECISION".equals(record.kind()) && record.detail() != null
                    && (record.detail().startsWith("REVISE") || record.detail().startsWith("INVALID"))) {
                sentBack = i;
            }
        }
        if (sentBack < 0) {
            return Map.of(FIELD, "Pengajuan pertama.");
        }
        List<AuditTrail.Record> changes = trail.subList(sentBack + 1, trail.size()).stream()
                .filter(record -> "PROPOSAL_CHANGED".equals(record.kind())).toList();
        if (changes.isEmpty()) {
            return Map.of(FIELD, "Tidak ada perubahan sejak dikembalikan.");
        }
        try {
            List<String> lines = differences(json.readTree(changes.get(0).oldValue()),
                    json.readTree(changes.get(changes.size() - 1).newValue()));
            return Map.of(FIELD, lines.isEmpty() ? "Tidak ada perubahan sejak dikembalikan." : String.join("\n", lines));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the audit trail of programme " + programId + " holds a snapshot that is no JSON", e);
        }
    }

    /** One line per changed value: "Gelombang 1 · kuota: 39 → 30". */
    static List<String> differences(JsonNode before, JsonNode after) {
        List<String> lines = new ArrayList<>();
        FIELDS.keySet().stream().sorted().forEach(field -> {
            if (!before.path(field).equals(after.path(field))) {
                lines.add(FIELDS.get(field) + ": " + text(before.path(field)) + " → " + text(after.path(field)));
            }
        });
        rows(lines, "Gelombang", before.path("batches"), after.path("batches"), BATCH_FIELDS);
        rows(lines, "Rincian anggaran", before.path("budgetItems"), after.path("budgetItems"),
                Map.of("description", "uraian", "amount", "jumlah"));
        return lines;
    }

    private static void rows(List<String> lines, String what, JsonNode before, JsonNode after, Map<String, String> fields) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String row = what + " " + (i + 1);
            if (i >= before.size()) {
                lines.add(row + " ditambahkan: " + summary(after.get(i)));
            } else if (i >= after.size()) {
                lines.add(row + " dihapus: " + summary(before.get(i)));
            } else {
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    JsonNode was = before.get(i).path(field.getKey());
                    JsonNode is = after.get(i).path(field.getKey());
                    if (!was.equals(is)) {
                        lines.add(row + " · " + field.getValue() + (field.getKey().equals("sessionPlan") ? " diubah"
                                : ": " + text(was) + " → " + text(is)));
                    }
                }
            }
        }
    }

    private static String summary(JsonNode row) {
        return row.has("name") ? row.path("name").asText() + ", " + row.path("startDate").asText() + " s.d. "
                + row.path("endDate").asText() + ", kuota " + row.path("quota").asText()
                : row.path("description").asText() + " " + row.path("amount").asText();
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() || "null".equals(value.asText()) ? "—"
                : value.isContainerNode() ? value.toString() : value.asText();
    }
}
