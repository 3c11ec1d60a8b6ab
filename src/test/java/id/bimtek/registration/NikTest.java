package id.bimtek.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NikTest {

    @Test
    void wellFormedNiksOfMenAndWomenPass() {
        assertThat(Nik.problemWith("3671014508900001")).isEmpty();   // Kota Tangerang, woman born 5 Aug 1990
        assertThat(Nik.problemWith("3507120503850002")).isEmpty();   // Kabupaten Malang, man born 5 Mar 1985
        assertThat(Nik.problemWith("3174052902000003")).isEmpty();   // 29 Feb 2000
    }

    @Test
    void malformedNiksAreRefusedWithTheReason() {
        assertThat(Nik.problemWith("12345")).hasValueSatisfying(p -> assertThat(p).contains("16 digits"));
        assertThat(Nik.problemWith("9971014508900001")).hasValueSatisfying(p -> assertThat(p).contains("province"));
        assertThat(Nik.problemWith("3600014508900001")).hasValueSatisfying(p -> assertThat(p).contains("00"));
        assertThat(Nik.problemWith("3671013208900001")).hasValueSatisfying(p -> assertThat(p).contains("date of birth"));
        assertThat(Nik.problemWith("3671017208900001")).hasValueSatisfying(p -> assertThat(p).contains("date of birth"));
        assertThat(Nik.problemWith("3671014513900001")).hasValueSatisfying(p -> assertThat(p).contains("date of birth"));
        assertThat(Nik.problemWith("3671014508900000")).hasValueSatisfying(p -> assertThat(p).contains("serial"));
    }
}
