package id.bimtek.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An audit record's old and new values as a list of changed fields an auditor can read
 * ("Gelombang 1 · kuota: 39 → 30") instead of two blobs of JSON. Nested values are followed down to
 * their leaves; only leaves that differ are listed, with Indonesian names where the field is known.
 */
final class Changes {

    /** One changed field; {@code before} or {@code after} is "—" when the field was absent. */
    record Change(String field, String before, String after) {

        @Override
        public String toString() {
            return text(" → ");
        }

        /** With words instead of the arrow, for documents whose standard fonts have no arrow. */
        String inWords() {
            return text(" menjadi ");
        }

        private String text(String becomes) {
            return before.equals("—") && !after.equals("—") ? field + ": " + after : field + ": " + before + becomes + after;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("title", "judul"), Map.entry("kind", "jenis"), Map.entry("agency", "penyelenggara"),
            Map.entry("regionCode", "wilayah peserta"), Map.entry("allocationMode", "cara memilih peserta"),
            Map.entry("budgetLineId", "mata anggaran"), Map.entry("fiscalYear", "tahun anggaran"),
            Map.entry("registrationDeadline", "batas pendaftaran"), Map.entry("minimumParticipants", "peserta minimum"),
            Map.entry("completionThresholdPercent", "ambang kelulusan (%)"), Map.entry("followUpRounds", "putaran pemantauan"),
            Map.entry("tracks", "bidang usaha"), Map.entry("fiscalYearReason", "alasan di luar tahun anggaran"),
            Map.entry("completionBasis", "dasar kelulusan"), Map.entry("requestedTotal", "jumlah anggaran"),
            Map.entry("batches", "Gelombang"), Map.entry("budgetItems", "Rincian anggaran"),
            Map.entry("sessionPlan", "Sesi"), Map.entry("sessions", "jumlah sesi"), Map.entry("name", "nama"),
            Map.entry("startDate", "mulai"), Map.entry("endDate", "selesai"), Map.entry("venue", "tempat"),
            Map.entry("mode", "cara"), Map.entry("quota", "kuota"), Map.entry("description", "uraian"),
            Map.entry("amount", "jumlah"), Map.entry("status", "status"), Map.entry("decision", "keputusan"),
            Map.entry("comment", "komentar"), Map.entry("task", "tugas"), Map.entry("taskKey", "tugas"),
            Map.entry("assignee", "pemegang"), Map.entry("candidateGroups", "ditawarkan kepada"),
            Map.entry("due", "tenggat"), Map.entry("reason", "alasan"), Map.entry("present", "hadir"),
            Map.entry("absent", "tidak hadir"), Map.entry("round", "putaran"), Map.entry("active", "usaha aktif"),
            Map.entry("revenue", "omzet"), Map.entry("staff", "tenaga kerja"), Map.entry("ceiling", "pagu"),
            Map.entry("deadline", "batas"), Map.entry("date", "tanggal"), Map.entry("startTime", "jam mulai"),
            Map.entry("endTime", "jam selesai"), Map.entry("topic", "topik"), Map.entry("link", "tautan"),
            Map.entry("notes", "catatan"), Map.entry("realisedItems", "Realisasi"), Map.entry("completed", "lulus"),
            Map.entry("number", "nomor"), Map.entry("value", "nilai"), Map.entry("variable", "variabel"),
            Map.entry("place", "tempat"), Map.entry("start", "jam mulai"), Map.entry("end", "jam selesai"),
            Map.entry("no", "ke"), Map.entry("seatOfferTime", "waktu menjawab tawaran kursi"),
            Map.entry("batch", "gelombang"), Map.entry("nik", "NIK"), Map.entry("registrationId", "no. pendaftaran"),
            Map.entry("lineCeiling", "pagu mata anggaran"), Map.entry("lineCommitted", "komitmen mata anggaran"),
            Map.entry("lineRealised", "realisasi mata anggaran"), Map.entry("activityId", "id langkah di model"),
            Map.entry("monthlyRevenue", "omzet"), Map.entry("employees", "tenaga kerja"),
            Map.entry("businessActive", "usaha aktif"));

    /**
     * Identifiers of the engine's own bookkeeping, the task's key that the record's subject already names and the
     * kind of an engine step that its sentence already says in words: kept in the record and its hash, not worth a
     * reader's line.
     */
    private static final Set<String> HIDDEN = Set.of("taskId", "activityInstanceId", "task", "taskKey", "activityType");

    private Changes() {
    }

    static List<Change> between(String oldValue, String newValue) {
        Map<String, String> before = leaves(oldValue);
        Map<String, String> after = leaves(newValue);
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.getOrDefault(field, "—");
            String is = after.getOrDefault(field, "—");
            if (!was.equals(is)) {
                changes.add(new Change(field, was, is));
            }
        }
        return changes;
    }

    private static Map<String, String> leaves(String value) {
        Map<String, String> leaves = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return leaves;
        }
        try {
            flatten(JSON.readTree(value), "", leaves);
        } catch (java.io.IOException notJson) {
            leaves.put("nilai", value);
        }
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!HIDDEN.contains(field.getKey())) {
                    flatten(field.getValue(), join(path, NAMES.getOrDefault(field.getKey(), field.getKey())), leaves);
                }
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + " " + (i + 1), leaves);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            leaves.put(path.isEmpty() ? "nilai" : path, items.isEmpty() ? "—" : String.join(", ", items));
        } else {
            String text = node.isNull() || "null".equals(node.asText()) || node.asText().isEmpty() ? "—" : node.asText();
            leaves.put(path.isEmpty() ? "nilai" : path, text);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + " · " + name;
    }
}
