package id.bimtek.closing;

import id.bimtek.shared.CurrentUser;
import id.bimtek.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff print a batch's certificates in one file; a department head withdraws one that was wrongly issued. */
@RestController
class CertificateController {

    private final Certificates certificates;
    private final CertificatePdf pdf;

    CertificateController(Certificates certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    record Withdrawal(@NotBlank @Size(max = 60) String number, @NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping("/api/programs/{programId}/batches/{batchId}/certificates.pdf")
    ResponseEntity<byte[]> batch(@PathVariable long programId, @PathVariable long batchId) {
        List<Certificates.Certificate> standing = certificates.ofBatch(programId, batchId).stream()
                .filter(certificate -> !certificate.withdrawn()).toList();
        if (standing.isEmpty()) {
            throw ProblemException.notFound("certificates of batch " + batchId + " of programme " + programId);
        }
        return CertificatePages.asPdf(pdf.render(standing), "sertifikat-" + programId + "-" + batchId + ".pdf");
    }

    @PostMapping("/api/certificates/withdraw")
    Certificates.Certificate withdraw(@Valid @RequestBody Withdrawal withdrawal) {
        return certificates.withdraw(withdrawal.number(), withdrawal.reason(), CurrentUser.get().id());
    }
}
