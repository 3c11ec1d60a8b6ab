package id.bimtek.closing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Certificates as PDF (OpenPDF), one A4 landscape page each, with a QR code (ZXing) that leads to the
 * certificate's public verification page.
 */
@Component
class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID"));

    private final Certificates certificates;
    private final String signatory;

    CertificatePdf(Certificates certificates,
                   @Value("${lifecycle.certificate.signatory:Kepala Dinas}") String signatory) {
        this.certificates = certificates;
        this.signatory = signatory;
    }

    /** The certificates, one page each (a batch's, for staff to print; or a graduate's own). */
    byte[] render(List<Certificates.Certificate> certificates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(certificates.size() == 1 ? "Sertifikat " + certificates.get(0).number() : "Sertifikat");
        document.open();
        for (int i = 0; i < certificates.size(); i++) {
            if (i > 0) {
                document.newPage();
            }
            page(document, certificates.get(i));
        }
        document.close();
        return out.toByteArray();
    }

    private void page(Document document, Certificates.Certificate certificate) {
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 30);
        Font name = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 22);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 13);
        Font strong = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
        document.add(centred("SERTIFIKAT", heading, 0));
        document.add(centred("Nomor: " + certificate.number(), text, 4));
        document.add(centred("diberikan kepada", text, 22));
        document.add(centred(certificate.name(), name, 6));
        document.add(centred(certificate.businessName(), text, 2));
        document.add(centred("yang telah mengikuti dan menyelesaikan", text, 18));
        document.add(centred(certificate.programTitle(), strong, 4));
        String hours = certificate.hours() == null ? "" : ", " + certificate.hours().stripTrailingZeros().toPlainString()
                + " jam pelajaran";
        document.add(centred(certificate.batch() + " (" + String.join(", ", certificate.tracks()) + "), "
                + DATE.format(certificate.start()) + " s.d. " + DATE.format(certificate.end()) + hours, text, 4));
        document.add(centred("diselenggarakan oleh " + certificate.agency(), text, 4));
        document.add(centred(signatory + " " + certificate.agency(), text, 36));
        document.add(centred("(tanda tangan dan cap)", small, 40));
        Image qr = qr(certificates.verificationUrl(certificate.number()));
        qr.scaleAbsolute(110, 110);
        qr.setAbsolutePosition(document.getPageSize().getWidth() - 60 - 110, 40);
        document.add(qr);
        Paragraph check = new Paragraph("Periksa keaslian: " + certificates.verificationUrl(certificate.number()), small);
        check.setAlignment(Element.ALIGN_LEFT);
        check.setSpacingBefore(10);
        document.add(check);
    }

    private static Paragraph centred(String content, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(content, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static Image qr(String url) {
        try {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE,
                    330, 330, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2)));
            return Image.getInstance(image, null);
        } catch (WriterException e) {
            throw new IllegalStateException("a verification URL always fits a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
