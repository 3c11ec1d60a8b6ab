package id.bimtek.registration;

import jakarta.validation.constraints.NotBlank;

/** NIK and reference, posted (never in a URL) to look up or withdraw one's own registration. */
public class CheckForm {

    @NotBlank
    private String nik;
    @NotBlank
    private String reference;

    String nikDigits() {
        return nik == null ? null : nik.replaceAll("[\\s-]", "");
    }

    public String getNik() {
        return nik;
    }

    public void setNik(String nik) {
        this.nik = nik;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
