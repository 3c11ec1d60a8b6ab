package id.bimtek.delivery;

import id.bimtek.shared.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AttendanceController {

    private final AttendanceService attendance;
    private final AttendanceSheets sheets;

    public AttendanceController(AttendanceService attendance, AttendanceSheets sheets) {
        this.attendance = attendance;
        this.sheets = sheets;
    }

    /** The session's attendance sheet to print and sign: the confirmed participants and the instructors. */
    @GetMapping("/api/programs/{programId}/batches/{batchId}/sessions/{session}/attendance-sheet.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable long programId, @PathVariable long batchId, @PathVariable int session) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("daftar-hadir-" + programId + "-" + batchId + "-" + session + ".pdf").build().toString())
                .body(sheets.sheet(programId, batchId, session, CurrentUser.get().id()));
    }

    /** Who came: participants by registration id, and optionally the session's instructors by their id. */
    public record AttendanceRequest(@NotNull @Size(max = 10000) List<@NotNull Long> present,
                                    @Size(max = 20) List<@NotNull Long> instructorsPresent) {
    }

    @PutMapping("/api/programs/{programId}/batches/{batchId}/sessions/{session}/attendance")
    AttendanceService.SessionAttendance record(@PathVariable long programId, @PathVariable long batchId,
                                               @PathVariable int session, @Valid @RequestBody AttendanceRequest request) {
        return attendance.record(programId, batchId, session, request.present(), request.instructorsPresent(),
                CurrentUser.get().id());
    }
}
