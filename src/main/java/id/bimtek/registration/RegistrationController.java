package id.bimtek.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/programs/{programId}/registrations")
public class RegistrationController {

    private final RegistrationService registrations;
    private final ApplicantRanking ranking;
    private final SeatOffers seatOffers;
    private final ParticipantList participantList;

    public RegistrationController(RegistrationService registrations, ApplicantRanking ranking, SeatOffers seatOffers,
                                  ParticipantList participantList) {
        this.participantList = participantList;
        this.registrations = registrations;
        this.ranking = ranking;
        this.seatOffers = seatOffers;
    }

    /** The applicant's proof that a registration is theirs: withdrawing, accepting or declining an offered seat. */
    public record ApplicantProof(@NotBlank String nik, @NotBlank String reference) {
    }

    /**
     * Anonymous: applicants register themselves. With an {@code Idempotency-Key}, sending the same registration
     * again answers 200 with the first registration instead of refusing the NIK a second place.
     */
    @PostMapping
    ResponseEntity<RegistrationView> register(@PathVariable long programId, @Valid @RequestBody RegistrationRequest request,
                                              @RequestHeader(value = SubmissionKeys.HEADER, required = false) String key) {
        RegistrationService.Answer answer = registrations.registerOnce(programId, request, RegistrationService.APPLICANT, key);
        RegistrationView registration = answer.registration();
        return answer.repeated() ? ResponseEntity.ok(registration)
                : ResponseEntity.created(URI.create("/api/programs/" + programId + "/registrations/" + registration.id()))
                .body(registration);
    }

    /**
     * Anonymous: the applicant proves the registration is theirs with the NIK and the reference they were given.
     * No registration id in the path: the proof alone names the registration, so there is nothing to guess.
     */
    @PostMapping("/withdraw")
    RegistrationView withdraw(@PathVariable long programId, @Valid @RequestBody ApplicantProof proof) {
        long registrationId = registrations.idOf(programId, proof.nik(), proof.reference());
        return registrations.withdraw(programId, registrationId, proof.nik(), proof.reference());
    }

    /** Anonymous: the applicant takes the seat they were offered, before the offer time is over. */
    @PostMapping("/accept-offer")
    RegistrationView acceptOffer(@PathVariable long programId, @Valid @RequestBody ApplicantProof proof) {
        long registrationId = registrations.idOf(programId, proof.nik(), proof.reference());
        seatOffers.accept(programId, registrationId, proof.nik(), proof.reference());
        return registrations.view(programId, registrationId);
    }

    /** Anonymous: the applicant turns the offered seat down; it goes to the next in line. */
    @PostMapping("/decline-offer")
    RegistrationView declineOffer(@PathVariable long programId, @Valid @RequestBody ApplicantProof proof) {
        long registrationId = registrations.idOf(programId, proof.nik(), proof.reference());
        seatOffers.decline(programId, registrationId, proof.nik(), proof.reference());
        return registrations.view(programId, registrationId);
    }

    /** Staff and heads: the registrations of a programme. */
    @GetMapping
    List<RegistrationView> list(@PathVariable long programId) {
        var user = id.bimtek.shared.CurrentUser.get();
        boolean fullNik = user.isIn(id.bimtek.shared.Roles.STAFF) || user.isIn(id.bimtek.shared.Roles.AUDITOR);
        return registrations.ofProgram(programId).stream().map(registration -> registration.forOffice(fullNik)).toList();
    }

    /** Office users: the list to print, batch by batch, NIKs masked. */
    @GetMapping("/list.pdf")
    org.springframework.http.ResponseEntity<byte[]> print(@PathVariable long programId) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("peserta-" + programId + ".pdf").build().toString())
                .body(participantList.pdf(programId, id.bimtek.shared.CurrentUser.get().id()));
    }

    /** Staff and heads: the ranked applications of a programme allocated by selection, batch by batch. */
    @GetMapping("/ranking")
    List<ApplicantRanking.Ranked> ranking(@PathVariable long programId) {
        return ranking.of(programId);
    }
}
