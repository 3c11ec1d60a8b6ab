package id.bimtek.registration;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Staff: {@code POST /api/programs/{id}/registrations/import}, the CSV as the body or as the form field {@code file}. */
@RestController
@RequestMapping("/api/programs/{programId}/registrations/import")
public class ApplicantImportController {

    private final ApplicantImport applicantImport;

    public ApplicantImportController(ApplicantImport applicantImport) {
        this.applicantImport = applicantImport;
    }

    @PostMapping(consumes = "text/csv")
    ImportReport importBody(@PathVariable long programId, HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return applicantImport.importCsv(programId, ApplicantImport.readLimited(body), CurrentUser.get().id());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importUpload(@PathVariable long programId, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "choose a CSV file to import (form field 'file')");
        }
        if (file.getSize() > ApplicantImport.MAX_BYTES) {
            throw ApplicantImport.tooLarge();
        }
        try (InputStream upload = file.getInputStream()) {
            return applicantImport.importCsv(programId, ApplicantImport.readLimited(upload), CurrentUser.get().id());
        }
    }
}
