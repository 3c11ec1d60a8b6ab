package id.bimtek.registration;

import static id.bimtek.registration.RegistrationService.APPLICANT;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.shared.ActingUser;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.ProblemException;
import id.bimtek.shared.Wib;
import id.bimtek.workflow.SeatOfferProcess;
import id.bimtek.workflow.SeatOfferProcess.Answer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A freed seat is offered to the first waitlisted applicant of its batch, who holds it (it stays counted
 * in {@code batch.taken}) until they accept, decline, or the offer time runs out; then it goes to the next
 * in line, or is freed when nobody waits. Each offer is a {@code seat-offer} process instance whose timer
 * ends it. Every change of an offer is one conditional UPDATE ({@code where status = 'OFFERED'}) under the
 * batch's row lock, taken after a share lock on the programme row as withdrawals do: an answer, the timer
 * and the confirmation of the list take their turns, and only the first of them ends the offer.
 */
@Service
public class SeatOffers {

    private static final String WAITLIST_ORDER = Rules.named("WAITLIST_ORDER") + ": ";

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final AuditTrail audit;
    private final SeatOfferProcess offerProcesses;

    private final id.bimtek.notification.Notifications notifications;
    private final ApplicantTexts texts;

    public SeatOffers(JdbcTemplate jdbc, ProgramFacts programFacts, AuditTrail audit, SeatOfferProcess offerProcesses,
                      id.bimtek.notification.Notifications notifications, ApplicantTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.audit = audit;
        this.offerProcesses = offerProcesses;
    }

    /**
     * A seat of the batch was given up: the first on its waitlist is offered it, or the seat is freed when
     * nobody waits. The caller holds the batch's lock; the offer's process starts in the caller's
     * transaction, so an offer exists exactly when the change that freed the seat commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void offerFreedSeat(long programId, long batchId) {
        List<Map<String, Object>> next = jdbc.queryForList("""
                update registration set status = 'OFFERED', status_changed_at = now()
                 where id = (select id from registration where batch_id = ? and status = 'WAITLISTED'
                              order by id limit 1)
                returning id, name""", batchId);
        if (next.isEmpty()) {
            Map<String, Object> batch = jdbc.queryForMap(
                    "update batch set taken = taken - 1 where id = ? returning name, taken, quota", batchId);
            audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_FREED", ActingUser.SYSTEM)
                    .on((String) batch.get("name"))
                    .saying(WAITLIST_ORDER + "tidak ada yang menunggu kursi ini; " + batch.get("taken")
                            + " dari " + batch.get("quota") + " kursi terisi")
                    .changing(null, Map.of("batchId", batchId, "taken", batch.get("taken"))));
            return;
        }
        long registrationId = ((Number) next.get(0).get("id")).longValue();
        String offerTime = programFacts.settings(programId).seatOfferTime();
        String offer = offerProcesses.start(registrationId, programId, offerTime);
        // The engine writes the offer's timer job when its outermost command ends, which is still to come when
        // an expiry passes the seat on from inside the timer's own job: the job is read just before the commit.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                recordOffer(programId, registrationId, "pendaftaran #" + registrationId + " " + next.get(0).get("name"), offerTime,
                        offer);
            }
        });
    }

    /** The applicant sees when the offer ends: the moment the engine's timer fires. */
    private void recordOffer(long programId, long registrationId, String subject, String offerTime, String processInstanceId) {
        Instant expiresAt = offerProcesses.expiryOf(processInstanceId);
        jdbc.update("update registration set offer_expires_at = ? where id = ?", Timestamp.from(expiresAt), registrationId);
        // the applicant hears of it at once: an offer nobody sees expires unseen
        Map<String, Object> offered = jdbc.queryForMap("""
                select r.phone, r.email, b.name as batch, p.title from registration r join batch b on b.id = r.batch_id
                  join program p on p.id = r.program_id where r.id = ?""", registrationId);
        notifications.toApplicants(List.of(new id.bimtek.notification.Notifications.ApplicantMessage(registrationId,
                (String) offered.get("phone"), (String) offered.get("email"), "SEAT_OFFERED", programId,
                texts.seatOffered((String) offered.get("title"), (String) offered.get("batch"), expiresAt))));
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_OFFERED", ActingUser.SYSTEM)
                .on(subject)
                .saying(WAITLIST_ORDER + "kursi yang kosong ditawarkan kepada pendaftar pertama di daftar tunggu"
                        + " sampai " + Wib.toTheMinute(expiresAt) + " (" + IsoDurations.inWords(offerTime) + ")")
                .changing(Map.of("status", "WAITLISTED"), Map.of("registrationId", registrationId, "status", "OFFERED",
                        "offerExpiresAt", expiresAt.toString(), "processInstanceId", processInstanceId)));
    }

    /** The offer ends soon: an applicant who has not answered yet is reminded, with the deadline again. */
    @Transactional
    public void remind(long registrationId) {
        jdbc.queryForList("""
                select r.program_id, r.phone, r.email, r.offer_expires_at, b.name as batch, p.title
                  from registration r join batch b on b.id = r.batch_id join program p on p.id = r.program_id
                 where r.id = ? and r.status = 'OFFERED'""", registrationId).forEach(offer ->
                notifications.toApplicants(List.of(new id.bimtek.notification.Notifications.ApplicantMessage(registrationId,
                        (String) offer.get("phone"), (String) offer.get("email"), "SEAT_OFFER_REMINDER", ((Number) offer.get("program_id")).longValue(),
                        texts.offerEndsSoon((String) offer.get("title"), (String) offer.get("batch"),
                                ((Timestamp) offer.get("offer_expires_at")).toInstant())))));
    }

    /** The applicant takes the offered seat: registered. Refused once the offer has ended or its time is over. */
    @Transactional
    public void accept(long programId, long registrationId, String nik, String reference) {
        RegistrationOwnership.Owned owned = RegistrationOwnership.proven(jdbc, programId, registrationId, nik, reference);
        lockSeat(programId, owned.batchId());
        // the offer time holds even when the timer that ends the offer runs a little late
        int accepted = jdbc.update("""
                update registration set status = 'REGISTERED', status_changed_at = now()
                 where id = ? and status = 'OFFERED' and offer_expires_at > ?""", registrationId, Wib.sqlNow());
        if (accepted == 0) {
            throw offerEnded(registrationId);
        }
        answer(registrationId, Answer.ACCEPTED);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_OFFER_ACCEPTED", APPLICANT)
                .on(owned.subject())
                .saying("pendaftar menerima kursi yang ditawarkan")
                .changing(Map.of("status", "OFFERED"), Map.of("registrationId", registrationId, "status", "REGISTERED")));
    }

    /** The applicant turns the offered seat down: it goes to the next in line. */
    @Transactional
    public void decline(long programId, long registrationId, String nik, String reference) {
        RegistrationOwnership.Owned owned = RegistrationOwnership.proven(jdbc, programId, registrationId, nik, reference);
        lockSeat(programId, owned.batchId());
        declineLocked(programId, owned, "pendaftar menolak kursi yang ditawarkan");
    }

    /**
     * Declines an offer whose batch the caller has locked (a withdrawal while offered is a decline); {@code detail}
     * is the audit trail's sentence, in Bahasa Indonesia.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void declineLocked(long programId, RegistrationOwnership.Owned owned, String detail) {
        int declined = jdbc.update("""
                update registration set status = 'OFFER_DECLINED', status_changed_at = now()
                 where id = ? and status = 'OFFERED'""", owned.registrationId());
        if (declined == 0) {
            throw offerEnded(owned.registrationId());
        }
        answer(owned.registrationId(), Answer.DECLINED);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_OFFER_DECLINED", APPLICANT)
                .on(owned.subject())
                .saying(detail)
                .changing(Map.of("status", "OFFERED"),
                        Map.of("registrationId", owned.registrationId(), "status", "OFFER_DECLINED")));
        offerFreedSeat(programId, owned.batchId());
    }

    /**
     * The offer's timer: no answer in time, the seat goes to the next in line. An offer that has ended
     * meanwhile is refused: whoever ended it also ended this process, so the timer's transaction is
     * rolled back by the engine as well.
     */
    @Transactional
    public void expire(long registrationId) {
        Map<String, Object> registration = jdbc.queryForMap(
                "select program_id, batch_id, name from registration where id = ?", registrationId);
        long programId = ((Number) registration.get("program_id")).longValue();
        long batchId = ((Number) registration.get("batch_id")).longValue();
        lockSeat(programId, batchId);
        int expired = jdbc.update("""
                update registration set status = 'OFFER_EXPIRED', status_changed_at = now()
                 where id = ? and status = 'OFFERED'""", registrationId);
        if (expired == 0) {
            throw offerEnded(registrationId);
        }
        String offerTime = programFacts.settings(programId).seatOfferTime();
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_OFFER_EXPIRED", ActingUser.SYSTEM)
                .on("pendaftaran #" + registrationId + " " + registration.get("name"))
                .saying(WAITLIST_ORDER + "tidak ada jawaban dalam waktu tawaran (" + IsoDurations.inWords(offerTime)
                        + "); kursi diteruskan ke urutan berikutnya")
                .changing(Map.of("status", "OFFERED"), Map.of("registrationId", registrationId, "status", "OFFER_EXPIRED")));
        offerFreedSeat(programId, batchId);
    }

    /**
     * The list is confirmed or the programme cancelled: every offer still open ends unanswered with the
     * given status, its seat freed and its process ended. The caller holds the programme's batch locks;
     * {@code reason} begins the audit trail's sentence, in Bahasa Indonesia.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int closeOpenOffers(long programId, RegistrationStatus outcome, String actor, String reason) {
        List<Map<String, Object>> closed = jdbc.queryForList("""
                update registration set status = ?, status_changed_at = now()
                 where program_id = ? and status = 'OFFERED'
                returning id, batch_id, name""", outcome.name(), programId);
        for (Map<String, Object> offer : closed) {
            jdbc.update("update batch set taken = taken - 1 where id = ?", offer.get("batch_id"));
            answer(((Number) offer.get("id")).longValue(), Answer.CLOSED);
            audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("SEAT_OFFER_CLOSED", actor)
                    .on("pendaftaran #" + offer.get("id") + " " + offer.get("name"))
                    .saying(reason + "; tawaran kursi berakhir tanpa jawaban")
                    .changing(Map.of("status", "OFFERED"),
                            Map.of("registrationId", offer.get("id"), "status", outcome.name())));
        }
        return closed.size();
    }

    /** The application's lock order ({@link AuditTrail#holdChain}): the programme's chain head, then the batch row. */
    private void lockSeat(long programId, long batchId) {
        audit.holdChain(programId);
        jdbc.queryForObject("select id from batch where id = ? for update", Long.class, batchId);
    }

    private void answer(long registrationId, Answer answer) {
        if (!offerProcesses.answer(registrationId, answer)) {
            throw ProblemException.conflict("status", "the seat offer of registration " + registrationId
                    + " is no longer waiting for an answer");
        }
    }

    private ProblemException offerEnded(long registrationId) {
        String status = jdbc.queryForObject("select status from registration where id = ?", String.class, registrationId);
        return ProblemException.conflict("status", RegistrationStatus.OFFERED.name().equals(status) ? "the time to accept the offered seat is over"
                : "the registration is " + status + ": there is no open seat offer");
    }
}
