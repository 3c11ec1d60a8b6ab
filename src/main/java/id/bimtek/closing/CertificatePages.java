package id.bimtek.closing;

import id.bimtek.registration.RegistrationLookup;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of certificates: {@code /sertifikat/{number}} tells anyone who scans the QR code whether a
 * certificate is genuine (the name partly masked, nothing else), and a graduate downloads their own from the
 * lookup page, proving it is theirs with NIK and reference as for everything else there.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final CertificatePdf pdf;
    private final RegistrationLookup lookup;

    CertificatePages(Certificates certificates, CertificatePdf pdf, RegistrationLookup lookup) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.lookup = lookup;
    }

    @GetMapping("/sertifikat/{code}/SERT/{serial}")
    String verify(@PathVariable String code, @PathVariable String serial, Model model, HttpServletResponse response) {
        String number = code + "/SERT/" + serial;
        Optional<Certificates.Certificate> found = certificates.find(number);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("number", number);
        model.addAttribute("certificate", found.orElse(null));
        return "sertifikat/verify";
    }

    @PostMapping("/daftar/cek/sertifikat")
    ResponseEntity<byte[]> download(@RequestParam String nik, @RequestParam String reference) {
        Optional<Certificates.Certificate> own = lookup.find(nik.replaceAll("\\D", ""), reference)
                .flatMap(found -> certificates.ofRegistration(found.registrationId()))
                .filter(certificate -> !certificate.withdrawn());
        if (own.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return asPdf(pdf.render(List.of(own.get())), own.get().number().replace('/', '-') + ".pdf");
    }

    static ResponseEntity<byte[]> asPdf(byte[] document, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(document);
    }
}
