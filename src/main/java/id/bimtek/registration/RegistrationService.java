package id.bimtek.registration;

import id.bimtek.audit.AuditTrail;
import id.bimtek.proposal.ProgramFacts;
import id.bimtek.proposal.ProgramStatus;
import id.bimtek.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats and the waitlist. Seat decisions (by the {@link SeatAllocator}) and withdrawals lock the batch
 * rows until they commit, so seat counts and waitlist moves of one batch happen one at a time and the
 * quota can never be exceeded; the partial unique index on (programme, NIK) and the batch's CHECK
 * constraint are the backstops. Closing registration locks every batch of the programme before it
 * changes the status, and seat decisions read the status again once they hold the batches: a
 * registration in flight either commits before the count or sees registration closed. (The programme's
 * row itself is not locked: a share lock on one hot row costs every applicant a write.)
 */
@Service
public class RegistrationService {

    private static final String VIEW_SELECT = """
            select r.id, r.program_id, r.batch_id, b.name as batch_name, r.reference, r.nik, r.nib, r.name, r.business_name, r.sector,
                   r.district, r.status, r.registered_at, r.attendance_percent, r.attended_hours, r.completed, r.certificate_number,
                   case when r.status = 'WAITLISTED' then
                       (select count(*) from registration w where w.batch_id = r.batch_id
                           and w.status = 'WAITLISTED' and w.id <= r.id) end as waitlist_position,
                   case when r.status = 'OFFERED' then r.offer_expires_at end as offer_expires_at
              from registration r join batch b on b.id = r.batch_id
            """;

    /** Who acts when an applicant registers or withdraws: they are not logged in. */
    static final String APPLICANT = "applicant";

    private final JdbcTemplate jdbc;
    private final ProgramFacts programFacts;
    private final AuditTrail audit;
    private final SeatAllocator allocator;
    private final SeatOffers seatOffers;

    private final id.bimtek.notification.Notifications notifications;
    private final ApplicantTexts texts;

    RegistrationService(JdbcTemplate jdbc, ProgramFacts programFacts, AuditTrail audit, SeatAllocator allocator, SeatOffers seatOffers,
                        id.bimtek.notification.Notifications notifications, ApplicantTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
        this.jdbc = jdbc;
        this.programFacts = programFacts;
        this.audit = audit;
        this.allocator = allocator;
        this.seatOffers = seatOffers;
    }

    /**
     * Registers an applicant: a seat while the batch has one, the waitlist otherwise (or an application,
     * for a programme that selects). The NIK's structure is checked here, in the applicant's own request;
     * the programme's status, eligibility, one place per NIK and the seat are decided by the
     * {@link SeatAllocator}. A refusal by a rule is recorded in the audit trail.
     */
    public RegistrationView register(long programId, RegistrationRequest request) {
        return register(programId, request, APPLICANT);
    }

    /** The same, on someone's behalf (staff importing a list): the audit trail names them as the actor. */
    public RegistrationView register(long programId, RegistrationRequest request, String actor) {
        return registerOnce(programId, request, actor, null).registration();
    }

    /**
     * Applications on paper, imported by staff: registered like any other, in the list's order and many per
     * transaction, each keeping the date on its form (which decides among equal points in a ranking). Per
     * application its registration or its refusal ({@link ProblemException}).
     */
    List<Object> registerFromPaper(long programId, List<SeatAllocator.Listed> listed, String actor,
                                   java.util.function.IntConsumer decided) {
        Object[] outcomes = new Object[listed.size()];
        List<SeatAllocator.Listed> wellFormed = new java.util.ArrayList<>();
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Optional<String> problem = Nik.problemWith(listed.get(i).request().nik());
            if (problem.isPresent()) {
                outcomes[i] = ProblemException.invalid("nik", problem.get());
            } else {
                wellFormed.add(listed.get(i));
                positions.add(i);
            }
        }
        int refusedAtOnce = listed.size() - wellFormed.size();
        decided.accept(refusedAtOnce);
        List<Object> allocated = allocator.allocateAll(programId, wellFormed, actor, done -> decided.accept(refusedAtOnce + done));
        for (int k = 0; k < allocated.size(); k++) {
            outcomes[positions.get(k)] = allocated.get(k);
        }
        return List.of(outcomes);
    }

    /** A registration's answer, and whether it is the answer to an earlier sending of the same submission. */
    public record Answer(RegistrationView registration, boolean repeated) {
    }

    /**
     * Registers, once per submission: the same submission sent again (same programme, NIK and submission key)
     * gets the first registration back instead of "this NIK already holds a place". Without a key, or with
     * another one, a second registration of the NIK is refused as before and reveals nothing of the first.
     */
    public Answer registerOnce(long programId, RegistrationRequest request, String actor, String submissionKey) {
        Nik.problemWith(request.nik()).ifPresent(problem -> {
            throw ProblemException.invalid("nik", problem);
        });
        String keyHash = SubmissionKeys.hashOf(submissionKey);
        if (keyHash != null) {
            Optional<RegistrationView> earlier = sentBefore(programId, request.nik(), keyHash);
            if (earlier.isPresent()) {
                return new Answer(earlier.get(), true);
            }
        }
        try {
            return new Answer(allocator.allocate(programId, request, actor, keyHash, null), false);
        } catch (ProblemException refused) {
            // the same submission racing itself: the other sending has just registered it
            if (keyHash != null && "ONE_PLACE_PER_NIK".equals(refused.rule())) {
                return sentBefore(programId, request.nik(), keyHash).map(view -> new Answer(view, true)).orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    private Optional<RegistrationView> sentBefore(long programId, String nik, String keyHash) {
        return jdbc.queryForList("select id from registration where program_id = ? and nik = ? and submission_key_hash = ?",
                Long.class, programId, nik, keyHash).stream().findFirst().map(id -> view(programId, id));
    }

    /**
     * Withdraws a registration; the applicant proves it is theirs with the NIK and reference. A freed seat
     * is offered to the first applicant on the batch's waitlist ({@link SeatOffers}); withdrawing while
     * offered a seat declines the offer.
     */
    @Transactional
    public RegistrationView withdraw(long programId, long registrationId, String nik, String reference) {
        RegistrationOwnership.Owned owned = RegistrationOwnership.proven(jdbc, programId, registrationId, nik, reference);
        long batchId = owned.batchId();
        // the lock order of AuditTrail.holdChain; the status is read under the batch lock, which every change of
        // the programme's status past registration holds too (closing the list, confirming it)
        audit.holdChain(programId);
        jdbc.queryForObject("select id from batch where id = ? for update", Long.class, batchId);
        ProgramStatus programStatus = programFacts.status(programId);
        if (programStatus != ProgramStatus.REGISTRATION_OPEN && programStatus != ProgramStatus.REGISTRATION_CLOSED) {
            throw ProblemException.conflict("status", "registrations can no longer be withdrawn (programme is " + programStatus + ")");
        }
        // re-read under the batch lock: a concurrent withdrawal or seat offer may have changed it
        RegistrationStatus status = RegistrationStatus.valueOf(
                jdbc.queryForObject("select status from registration where id = ?", String.class, registrationId));
        if (status == RegistrationStatus.OFFERED) {
            seatOffers.declineLocked(programId, owned,
                    "diundurkan oleh pendaftar saat ditawari kursi: tawarannya ditolak");
            return view(programId, registrationId);
        }
        if (status != RegistrationStatus.REGISTERED && status != RegistrationStatus.WAITLISTED && status != RegistrationStatus.APPLIED) {
            throw ProblemException.conflict("status", "the registration is " + status + " and cannot be withdrawn");
        }
        jdbc.update("update registration set status = 'WITHDRAWN', status_changed_at = now() where id = ?", registrationId);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("REGISTRATION_WITHDRAWN", APPLICANT)
                .on(owned.subject())
                .saying("diundurkan oleh pendaftar")
                .changing(Map.of("status", status.name()), Map.of("registrationId", registrationId, "status", "WITHDRAWN")));
        if (status == RegistrationStatus.REGISTERED) {
            seatOffers.offerFreedSeat(programId, batchId);
        }
        return view(programId, registrationId);
    }

    /** The registration an applicant's NIK and reference name; the same 404 as a wrong proof when none does. */
    @Transactional(readOnly = true)
    public long idOf(long programId, String nik, String reference) {
        return RegistrationOwnership.idOf(jdbc, programId, nik, reference);
    }

    @Transactional(readOnly = true)
    public RegistrationView view(long programId, long registrationId) {
        try {
            return jdbc.queryForObject(VIEW_SELECT + " where r.id = ? and r.program_id = ?", RegistrationService::map,
                    registrationId, programId);
        } catch (EmptyResultDataAccessException e) {
            throw ProblemException.notFound("registration " + registrationId);
        }
    }

    @Transactional(readOnly = true)
    public List<RegistrationView> ofProgram(long programId) {
        return jdbc.query(VIEW_SELECT + " where r.program_id = ? order by r.id", RegistrationService::map, programId);
    }

    @Transactional(readOnly = true)
    public long countInStatus(long programId, RegistrationStatus status) {
        return jdbc.queryForObject("select count(*) from registration where program_id = ? and status = ?",
                Long.class, programId, status.name());
    }

    /** Waits for the registrations in flight and holds new ones back until the caller's transaction ends. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockBatches(long programId) {
        audit.holdChain(programId);
        jdbc.queryForList("select id from batch where program_id = ? order by id for update", Long.class, programId);
    }

    /**
     * The final list: seat holders are confirmed, whoever still waits is not selected. With allocation by
     * selection, the applications ranked within their batch's quota are confirmed and the rest are not
     * selected. An offer still unanswered ends too (not selected, its seat freed): the list does not wait
     * for the offer time. The seat counts follow the list.
     */
    @Transactional
    public void confirmParticipants(long programId, String actor) {
        lockBatches(programId);
        int offersClosed = seatOffers.closeOpenOffers(programId, RegistrationStatus.NOT_SELECTED, actor,
                "daftar peserta ditetapkan");
        List<Map<String, Object>> decided = jdbc.queryForList("""
                update registration r
                   set status = case when r.status = 'REGISTERED' or (r.status = 'APPLIED' and r.rank_in_batch <= b.quota)
                                     then 'CONFIRMED' else 'NOT_SELECTED' end,
                       status_changed_at = now()
                  from batch b
                 where b.id = r.batch_id and r.program_id = ? and r.status in ('REGISTERED', 'WAITLISTED', 'APPLIED')
                returning r.id, r.status, r.phone, r.email, b.name as batch, b.start_date, b.end_date, b.venue""",
                programId);
        int changed = decided.size();
        tellTheOutcome(programId, decided);
        jdbc.update("""
                update batch set taken = (select count(*) from registration r where r.batch_id = batch.id and r.status = 'CONFIRMED')
                 where program_id = ?""", programId);
        changed += offersClosed;
        long confirmed = countInStatus(programId, RegistrationStatus.CONFIRMED);
        audit.append(programId, AuditTrail.Stage.REGISTRATION.entry("PARTICIPANTS_CONFIRMED", actor)
                .saying(confirmed + " peserta ditetapkan, " + (changed - confirmed) + " pendaftar tidak terpilih"
                        + (offersClosed > 0
                                ? " (" + offersClosed + " di antaranya dengan tawaran kursi yang belum dijawab)" : ""))
                .changing(null, Map.of("confirmed", confirmed, "notSelected", changed - confirmed)));
    }

    /**
     * A batch moved: everyone who holds or awaits a place in it hears the new dates and place, in the caller's
     * transaction (a move that rolls back tells nobody). Returns how many were told.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int tellScheduleChanged(long programId, long batchId, java.time.LocalDate start, java.time.LocalDate end,
                                   String venue, String reason) {
        List<Map<String, Object>> told = jdbc.queryForList("""
                select r.id, r.phone, r.email, b.name as batch, p.title
                  from registration r join batch b on b.id = r.batch_id join program p on p.id = r.program_id
                 where r.program_id = ? and r.batch_id = ?
                   and r.status in ('REGISTERED', 'WAITLISTED', 'APPLIED', 'OFFERED', 'CONFIRMED')""", programId, batchId);
        notifications.toApplicants(told.stream().map(registration -> new id.bimtek.notification.Notifications.ApplicantMessage(
                ((Number) registration.get("id")).longValue(), (String) registration.get("phone"),
                (String) registration.get("email"), "SCHEDULE_CHANGED", programId,
                texts.scheduleChanged((String) registration.get("title"), (String) registration.get("batch"), start, end, venue,
                        reason))).toList());
        return told.size();
    }

    /** Each applicant hears whether they are a participant, and if so where and when to come. */
    private void tellTheOutcome(long programId, List<Map<String, Object>> decided) {
        String title = programFacts.settings(programId).title();
        notifications.toApplicants(decided.stream().map(registration -> {
            boolean confirmed = RegistrationStatus.CONFIRMED.name().equals(registration.get("status"));
            return new id.bimtek.notification.Notifications.ApplicantMessage(((Number) registration.get("id")).longValue(),
                    (String) registration.get("phone"), (String) registration.get("email"),
                    confirmed ? "PARTICIPANT_CONFIRMED" : "NOT_SELECTED", programId,
                    confirmed ? texts.confirmed(title, (String) registration.get("batch"),
                            ((java.sql.Date) registration.get("start_date")).toLocalDate(),
                            ((java.sql.Date) registration.get("end_date")).toLocalDate(), (String) registration.get("venue"))
                            : texts.notSelected(title));
        }).toList());
    }

    /**
     * Who counts towards the programme's minimum when registration closes: seat holders (an open seat offer
     * holds its seat), or applicants to rank.
     */
    @Transactional(readOnly = true)
    public long countRegistrants(long programId) {
        return jdbc.queryForObject("select count(*) from registration where program_id = ? and status in "
                + "('REGISTERED', 'OFFERED', 'APPLIED')", Long.class, programId);
    }

    /** Cancellation: every open place is cancelled and the seats freed. */
    @Transactional
    public int cancelAll(long programId, String actor) {
        lockBatches(programId);
        List<Map<String, Object>> told = jdbc.queryForList("""
                select r.id, r.phone, r.email, p.title, p.cancellation_reason from registration r join program p on p.id = r.program_id
                 where r.program_id = ? and r.status in ('REGISTERED', 'WAITLISTED', 'APPLIED', 'CONFIRMED', 'OFFERED')""",
                programId);
        int offersClosed = seatOffers.closeOpenOffers(programId, RegistrationStatus.CANCELLED, actor,
                "program dibatalkan");
        int cancelled = offersClosed + jdbc.update("""
                update registration set status = 'CANCELLED', status_changed_at = now()
                 where program_id = ? and status in ('REGISTERED', 'WAITLISTED', 'APPLIED', 'CONFIRMED')""", programId);
        notifications.toApplicants(told.stream().map(registration -> new id.bimtek.notification.Notifications.ApplicantMessage(
                ((Number) registration.get("id")).longValue(), (String) registration.get("phone"),
                (String) registration.get("email"), "PROGRAM_CANCELLED",
                programId, texts.cancelled((String) registration.get("title"), (String) registration.get("cancellation_reason"))))
                .toList());
        jdbc.update("update batch set taken = 0 where program_id = ?", programId);
        audit.append(programId, AuditTrail.Stage.CANCELLATION.entry("REGISTRATIONS_CANCELLED", actor)
                .saying(cancelled + " pendaftaran dibatalkan bersama programnya")
                .changing(null, Map.of("cancelled", cancelled)));
        return cancelled;
    }

    private static RegistrationView map(ResultSet rs, int row) throws SQLException {
        return new RegistrationView(rs.getLong("id"), rs.getLong("program_id"), rs.getLong("batch_id"),
                rs.getString("batch_name"), rs.getString("reference"), rs.getString("nik"), rs.getString("nib"), rs.getString("name"), rs.getString("business_name"),
                rs.getString("sector"), rs.getString("district"), RegistrationStatus.valueOf(rs.getString("status")),
                rs.getObject("waitlist_position") == null ? null : rs.getInt("waitlist_position"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getObject("attendance_percent") == null ? null : rs.getInt("attendance_percent"),
                rs.getBigDecimal("attended_hours"),
                rs.getObject("completed") == null ? null : rs.getBoolean("completed"),
                rs.getString("certificate_number"),
                rs.getTimestamp("offer_expires_at") == null ? null : rs.getTimestamp("offer_expires_at").toInstant());
    }
}
