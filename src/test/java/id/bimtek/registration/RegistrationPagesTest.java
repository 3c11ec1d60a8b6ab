package id.bimtek.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The applicants' pages without a browser: the server checks what the page's script checks (and more),
 * answers after a redirect, looks registrations up without telling which half of the proof was wrong.
 */
@LifecycleTest
class RegistrationPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired Lifecycle lifecycle;
    @Autowired RegistrationService registrations;
    @Autowired JdbcTemplate jdbc;

    private MockMvc mvc;
    private Program program;

    @BeforeEach
    void openAProgrammeWithOneSeat() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        program = lifecycle.approved(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000), 1, 1, 10_000_000));
    }

    @AfterEach
    void checkInvariant() {
        lifecycle.assertStatusesMatchProcesses();
        lifecycle.resetClock();
    }

    @Test
    void theOpenProgrammesShowSeatsLeftAndTheDeadlineInWibInIndonesianFirst() throws Exception {
        String page = body(mvc.perform(get("/daftar").header("Accept-Language", "en-US")).andReturn(), 200);
        assertThat(page).contains("Program yang membuka pendaftaran", program.getTitle(), "Gelombang 1",
                "sisa 1 dari 1 kursi", "SMKN 3 Kota Tangerang", "tatap muka", " WIB", "/daftar/" + program.getId());

        lifecycle.register(program, "Siti Aminah");
        MvcResult english = mvc.perform(get("/daftar").param("lang", "en")).andReturn();
        assertThat(body(english, 200)).contains("Programmes open for registration", "full, waiting list only");
        // the choice is remembered for the applicants' pages only
        assertThat(english.getResponse().getCookie("bimtek-bahasa").getPath()).isEqualTo("/daftar");
        assertThat(body(mvc.perform(get("/daftar/cek").cookie(english.getResponse().getCookie("bimtek-bahasa"))).andReturn(), 200))
                .contains("Check my registration");
    }

    @Test
    void aBadNikComesBackNextToTheFieldWithTheInputKeptAndNothingWritten() throws Exception {
        long auditRecords = auditRecords();

        String tooShort = body(mvc.perform(register(applicant("12345")).with(csrf())).andReturn(), 400);
        assertThat(errorOf(tooShort, "nik")).isEqualTo("NIK harus 16 angka.");
        assertThat(tooShort).contains("value=\"Konveksi Siti\"", "value=\"081212345678\"");

        // 16 digits pass the form's pattern; the service finds no province 99
        String noProvince = body(mvc.perform(register(applicant("9971014508900001")).with(csrf())).andReturn(), 400);
        assertThat(errorOf(noProvince, "nik")).startsWith("NIK diawali 99");
        assertThat(noProvince).contains("value=\"9971014508900001\"");

        Map<String, String> noName = applicant(Lifecycle.nextNik());
        noName.put("name", " ");
        String blank = body(mvc.perform(register(noName).with(csrf())).andReturn(), 400);
        assertThat(errorOf(blank, "name")).isEqualTo("Wajib diisi.");
        assertThat(errorOf(blank, "nik")).isEmpty();

        String english = body(mvc.perform(register(applicant("12345")).param("lang", "en").with(csrf())).andReturn(), 400);
        assertThat(errorOf(english, "nik")).isEqualTo("A NIK has 16 digits.");

        assertThat(registrations.ofProgram(program.getId())).isEmpty();
        assertThat(auditRecords()).isEqualTo(auditRecords);
        assertThat(jdbc.queryForObject("select taken from batch where program_id = ?", Integer.class, program.getId())).isZero();
    }

    @Test
    void revenueAndPeopleAsPeopleWriteThemAreTheBaselineAndAWordInsteadOfANumberIsNamed() throws Exception {
        Map<String, String> words = applicant(Lifecycle.nextNik());
        words.put("monthlyRevenue", "lima juta");
        words.put("employees", "-2");
        String refused = body(mvc.perform(register(words).with(csrf())).andReturn(), 400);
        assertThat(errorOf(refused, "monthlyRevenue")).isEqualTo("Tulis angka saja, misalnya 5000000.");
        assertThat(errorOf(refused, "employees")).isEqualTo("Tulis angka saja, misalnya 5000000.");
        assertThat(refused).contains("value=\"lima juta\"");
        assertThat(registrations.ofProgram(program.getId())).isEmpty();

        Map<String, String> written = applicant(Lifecycle.nextNik());
        written.put("monthlyRevenue", "Rp 4.750.000");
        written.put("employees", "3 orang");
        assertThat(mvc.perform(register(written).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select monthly_revenue, employees from registration where program_id = ?", program.getId()))
                .satisfies(row -> {
                    assertThat((java.math.BigDecimal) row.get("monthly_revenue")).isEqualByComparingTo("4750000");
                    assertThat(row.get("employees")).isEqualTo(3);
                });
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        assertThat(mvc.perform(register(applicant(Lifecycle.nextNik()))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(registrations.ofProgram(program.getId())).isEmpty();
    }

    @Test
    void theAnswerComesAfterARedirectSoAReloadRegistersNobodyTwice() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(register(applicant(Lifecycle.nextNik())).session(session).with(csrf())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/daftar/" + program.getId() + "/hasil");
        RegistrationOutcome outcome = (RegistrationOutcome) posted.getFlashMap().get("outcome");
        assertThat(outcome.kind()).isEqualTo(RegistrationOutcome.Kind.REGISTERED);

        // the browser follows the redirect in the same session: the answer is taken from it once
        String answer = body(mvc.perform(get("/daftar/" + program.getId() + "/hasil").session(session)).andReturn(), 200);
        assertThat(answer).contains("Anda terdaftar.", outcome.reference(), "bersama NIK Anda");
        String reloaded = body(mvc.perform(get("/daftar/" + program.getId() + "/hasil").session(session)).andReturn(), 200);
        assertThat(reloaded).contains("hanya ditampilkan sekali").doesNotContain(outcome.reference());
        assertThat(registrations.ofProgram(program.getId())).hasSize(1);

        MvcResult second = mvc.perform(register(applicant(Lifecycle.nextNik())).with(csrf())).andReturn();
        RegistrationOutcome waitlisted = (RegistrationOutcome) second.getFlashMap().get("outcome");
        assertThat(waitlisted.kind()).isEqualTo(RegistrationOutcome.Kind.WAITLISTED);
        assertThat(body(mvc.perform(get("/daftar/" + program.getId() + "/hasil").param("lang", "en")
                .flashAttr("outcome", waitlisted)).andReturn(), 200)).contains("You are on the waiting list, number 1.");
    }

    @Test
    void theSameFormSentTwiceRegistersOnceAndAnswersTheSame() throws Exception {
        String form = body(mvc.perform(get("/daftar/" + program.getId())).andReturn(), 200);
        java.util.regex.Matcher submission = java.util.regex.Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(form);
        assertThat(submission.find()).as("the form carries a one-time submission id").isTrue();
        Map<String, String> fields = new java.util.HashMap<>(applicant(Lifecycle.nextNik()));
        fields.put("submission", submission.group(1));
        RegistrationOutcome first = (RegistrationOutcome) mvc.perform(register(fields).with(csrf())).andReturn()
                .getFlashMap().get("outcome");
        // the answer was lost (a dropped connection): the applicant taps "Daftar" again
        RegistrationOutcome again = (RegistrationOutcome) mvc.perform(register(fields).with(csrf())).andReturn()
                .getFlashMap().get("outcome");
        assertThat(again.kind()).isEqualTo(RegistrationOutcome.Kind.REGISTERED);
        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(registrations.ofProgram(program.getId())).hasSize(1);
    }

    @Test
    void aRefusalNamesItsRuleInPlainWords() throws Exception {
        Program bogorOnly = lifecycle.approved(Lifecycle.inRegion(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)), "3201"));
        MvcResult posted = mvc.perform(post("/daftar/" + bogorOnly.getId()).params(params(applicant(Lifecycle.nextNik())))
                .with(csrf())).andReturn();
        RegistrationOutcome refused = (RegistrationOutcome) posted.getFlashMap().get("outcome");
        assertThat(refused.kind()).isEqualTo(RegistrationOutcome.Kind.REFUSED);
        assertThat(refused.rule()).isEqualTo("DOMICILE");
        String answer = body(mvc.perform(get("/daftar/" + bogorOnly.getId() + "/hasil").flashAttr("outcome", refused)).andReturn(), 200);
        assertThat(answer).contains("Maaf, pendaftaran Anda tidak dapat diterima.", "khusus untuk warga wilayah penyelenggara",
                "DOMICILE");
        assertThat(registrations.ofProgram(bogorOnly.getId())).isEmpty();
    }

    @Test
    void aClosedOrUnknownProgrammeHasNoForm() throws Exception {
        Program inReview = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        assertThat(body(mvc.perform(get("/daftar/" + inReview.getId())).andReturn(), 404)).contains("Pendaftaran tidak dibuka");
        assertThat(body(mvc.perform(post("/daftar/" + inReview.getId()).params(params(applicant(Lifecycle.nextNik())))
                .with(csrf())).andReturn(), 404)).contains("Pendaftaran tidak dibuka");
        assertThat(body(mvc.perform(get("/daftar")).andReturn(), 200)).doesNotContain("/daftar/" + inReview.getId() + "\"");
        assertThat(body(mvc.perform(get("/daftar/" + Long.MAX_VALUE)).andReturn(), 404)).contains("Pendaftaran tidak dibuka");
        assertThat(registrations.ofProgram(inReview.getId())).isEmpty();
    }

    @Test
    void aLookupNeedsNikAndReferenceAndSaysTheSameWhicheverIsWrong() throws Exception {
        RegistrationView siti = lifecycle.register(program, "Siti Aminah");
        RegistrationView dewi = lifecycle.register(program, "Dewi Lestari");

        String wrongNik = body(mvc.perform(check(Lifecycle.nextNik(), siti.reference())).andReturn(), 404);
        String wrongReference = body(mvc.perform(check(siti.nik(), "AAAAA-AAAAA")).andReturn(), 404);
        assertThat(wrongNik).contains("Tidak ada pendaftaran dengan NIK dan nomor pendaftaran ini.")
                .doesNotContain("Siti Aminah", program.getTitle());
        assertThat(wrongReference).contains("Tidak ada pendaftaran dengan NIK dan nomor pendaftaran ini.")
                .doesNotContain("Siti Aminah", program.getTitle());

        String found = body(mvc.perform(check(dewi.nik(), dewi.reference().toLowerCase())).andReturn(), 200);
        assertThat(found).contains(program.getTitle(), "Dewi Lestari", "Daftar tunggu, nomor urut 1.", "data-status=\"WAITLISTED\"",
                "Batalkan pendaftaran");

        MvcResult withdrawn = mvc.perform(post("/daftar/cek/batal").param("nik", siti.nik()).param("reference", siti.reference())
                .with(csrf())).andReturn();
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/daftar/cek");
        assertThat(withdrawn.getFlashMap().get("withdrawn")).isEqualTo(true);
        assertThat(registrations.view(program.getId(), siti.id()).status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(registrations.view(program.getId(), dewi.id()).status()).isEqualTo(RegistrationStatus.OFFERED);

        // the freed seat is offered to Dewi, who answers on the same page
        String offered = body(mvc.perform(check(dewi.nik(), dewi.reference())).andReturn(), 200);
        assertThat(offered).contains("data-status=\"OFFERED\"", "Ada kursi kosong untuk Anda", "WIB", "Terima kursi", "Tolak kursi");
        MvcResult accepted = mvc.perform(post("/daftar/cek/terima").param("nik", dewi.nik())
                .param("reference", dewi.reference()).with(csrf())).andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/daftar/cek");
        assertThat(accepted.getFlashMap().get("offerAnswered")).isEqualTo("offer.accepted");
        assertThat(registrations.view(program.getId(), dewi.id()).status()).isEqualTo(RegistrationStatus.REGISTERED);
        // with a seat, the page gives her schedule: each session's day, times in WIB, place and topic
        assertThat(body(mvc.perform(check(dewi.nik(), dewi.reference())).andReturn(), 200)).contains("id=\"schedule\"")
                .contains("08.00–16.00 WIB").contains("tatap muka di", "SMKN 3 Kota Tangerang", "Sesi 3");
        // an answer to an offer that has ended changes nothing and says so
        String again = body(mvc.perform(post("/daftar/cek/tolak").param("nik", dewi.nik())
                .param("reference", dewi.reference()).with(csrf())).andReturn(), 409);
        assertThat(again).contains("Tawaran ini sudah berakhir.");

        String afterwards = body(mvc.perform(check(siti.nik(), siti.reference())).andReturn(), 200);
        assertThat(afterwards).contains("data-status=\"WITHDRAWN\"").doesNotContain("Ya, batalkan pendaftaran saya");
        // withdrawing twice changes nothing and says why
        String twice = body(mvc.perform(post("/daftar/cek/batal").param("nik", siti.nik()).param("reference", siti.reference())
                .with(csrf())).andReturn(), 409);
        assertThat(twice).contains("tidak dapat dibatalkan lagi");
        assertThat(registrations.view(program.getId(), dewi.id()).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    private MockHttpServletRequestBuilder register(Map<String, String> fields) {
        return post("/daftar/" + program.getId()).params(params(fields));
    }

    private static MockHttpServletRequestBuilder check(String nik, String reference) {
        return post("/daftar/cek").param("nik", nik).param("reference", reference).with(csrf());
    }

    private static Map<String, String> applicant(String nik) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("nik", nik);
        fields.put("name", "Siti Aminah");
        fields.put("businessName", "Konveksi Siti");
        fields.put("sector", "APPAREL");
        fields.put("district", "Cibodas");
        fields.put("phone", "081212345678");
        fields.put("batch", "Gelombang 1");
        return fields;
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(params::add);
        return params;
    }

    private static String body(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text next to a field: what the page shows in its error element. */
    private static String errorOf(String page, String field) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("<span id=\"" + field + "-error\"[^>]*>([^<]*)</span>").matcher(page);
        assertThat(matcher.find()).as("error element of " + field).isTrue();
        return matcher.group(1).trim();
    }

    private long auditRecords() {
        return jdbc.queryForObject("select count(*) from audit_record where program_id = ?", Long.class, program.getId());
    }
}
