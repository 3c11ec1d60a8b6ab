package id.bimtek.registration;

import id.bimtek.shared.Wib;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What applicants are sent, in Bahasa Indonesia, each short enough for one or two SMS. The reference goes
 * only into the message that gives it; every message points to the lookup page.
 */
@Component
class ApplicantTexts {

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d MMMM yyyy 'pukul' HH:mm 'WIB'",
            Locale.forLanguageTag("id")).withZone(Wib.ZONE);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));

    private final String lookup;

    ApplicantTexts(@Value("${lifecycle.public-url:http://localhost:8080}") String publicUrl) {
        this.lookup = publicUrl.replaceAll("/+$", "") + "/daftar/cek";
    }

    String outcome(String programme, RegistrationView registration) {
        String kept = " Kode pendaftaran: " + registration.reference() + " (simpan bersama NIK Anda). Cek: " + lookup;
        return switch (registration.status()) {
            case REGISTERED -> "Pendaftaran " + programme + " diterima, " + registration.batch() + "." + kept;
            case WAITLISTED -> "Anda di daftar tunggu " + programme + ", " + registration.batch() + ", nomor "
                    + registration.waitlistPosition() + ". Kami kabari bila ada kursi." + kept;
            case APPLIED -> "Lamaran " + programme + " diterima dan akan diseleksi setelah pendaftaran ditutup." + kept;
            default -> "Pendaftaran " + programme + ": " + registration.status() + "." + kept;
        };
    }

    String seatOffered(String programme, String batch, Instant answerBy) {
        return "Ada kursi untuk Anda di " + programme + ", " + batch + ". Jawab sebelum " + WIB.format(answerBy)
                + " di " + lookup + " dengan NIK dan kode pendaftaran Anda, atau kursi berpindah ke antrean berikutnya.";
    }

    String offerEndsSoon(String programme, String batch, Instant answerBy) {
        return "Pengingat: kursi Anda di " + programme + ", " + batch + " menunggu jawaban sebelum " + WIB.format(answerBy)
                + ". Jawab di " + lookup + " dengan NIK dan kode pendaftaran Anda.";
    }

    String confirmed(String programme, String batch, java.time.LocalDate start, java.time.LocalDate end, String venue) {
        return "Selamat, Anda peserta " + programme + ", " + batch + ", " + DAY.format(start) + " s.d. " + DAY.format(end)
                + (venue == null || venue.isBlank() ? "" : " di " + venue) + ". Bawa KTP saat hadir. Info: " + lookup;
    }

    String scheduleChanged(String programme, String batch, java.time.LocalDate start, java.time.LocalDate end, String venue,
                           String reason) {
        return "Jadwal " + programme + ", " + batch + " berubah: " + DAY.format(start) + " s.d. " + DAY.format(end)
                + (venue == null || venue.isBlank() ? "" : " di " + venue) + ". Alasan: " + reason + ". Info: " + lookup;
    }

    String notSelected(String programme) {
        return "Mohon maaf, Anda belum terpilih sebagai peserta " + programme + ". Terima kasih telah mendaftar. Info: "
                + lookup;
    }

    String cancelled(String programme, String reason) {
        return "Program " + programme + " dibatalkan" + (reason == null || reason.isBlank() ? "." : ": " + reason + ".")
                + " Mohon maaf. Info: " + lookup;
    }
}
