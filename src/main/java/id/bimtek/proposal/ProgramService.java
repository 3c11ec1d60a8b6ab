package id.bimtek.proposal;

import id.bimtek.audit.AuditTrail;
import id.bimtek.budget.BudgetLine;
import id.bimtek.budget.BudgetLineRepository;
import id.bimtek.shared.IsoDurations;
import id.bimtek.shared.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting, revising and submitting proposals; submitting starts the programme's process. */
@Service
public class ProgramService {

    private final ProgramRepository programs;
    private final BudgetLineRepository budgetLines;
    private final ProposalProcess process;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final ProgramStatusTracker statuses;
    private final SessionPlans sessionPlans;
    private final int defaultThreshold;
    private final List<String> defaultRounds;

    public ProgramService(ProgramRepository programs, BudgetLineRepository budgetLines, ProposalProcess process,
                          JdbcTemplate jdbc, AuditTrail audit, ProgramStatusTracker statuses,
                          SessionPlans sessionPlans, @Value("${lifecycle.completion-threshold-percent:80}") int defaultThreshold,
                          @Value("${lifecycle.follow-up.default-rounds:P3M,P6M}") List<String> defaultRounds) {
        this.programs = programs;
        this.budgetLines = budgetLines;
        this.process = process;
        this.jdbc = jdbc;
        this.audit = audit;
        this.statuses = statuses;
        this.sessionPlans = sessionPlans;
        this.defaultThreshold = defaultThreshold;
        this.defaultRounds = defaultRounds;
    }

    @Transactional
    public Program create(ProgramRequest request, String user) {
        BudgetLine line = checkShape(request);
        Long next = jdbc.queryForObject("select nextval('program_code_seq')", Long.class);
        Program program = new Program(String.format("%s-%d-%04d", request.kind(), request.fiscalYear(), next), user);
        program.apply(request, line.getId(), defaultThreshold, defaultRounds);
        programs.saveAndFlush(program);
        audit.append(program.getId(), AuditTrail.Stage.PROPOSAL.entry("PROPOSAL_CREATED", user)
                .on(program.getCode())
                .saying(program.getTitle())
                .changing(null, program.snapshot()));
        return program;
    }

    @Transactional
    public Program update(long id, ProgramRequest request, String user) {
        Program program = lock(id);
        mustBeAuthor(program, user);
        if (!program.getStatus().isEditableByStaff()) {
            throw ProblemException.conflict("status", "programme " + program.getCode() + " is " + program.getStatus()
                    + "; it can only be changed while it is a draft or sent back for revision");
        }
        BudgetLine line = checkShape(request);
        java.util.Map<String, Object> before = program.snapshot();
        program.clearBatchesAndItems();
        programs.flush();
        program.apply(request, line.getId(), defaultThreshold, defaultRounds);
        audit.append(program.getId(), AuditTrail.Stage.PROPOSAL.entry("PROPOSAL_CHANGED", user)
                .on(program.getCode())
                .saying("usulan diubah")
                .changing(before, program.snapshot()));
        return program;
    }

    /** Starts the process for a draft, or resubmits a proposal that was sent back for revision. */
    @Transactional
    public Program submit(long id, String user) {
        Program program = lock(id);
        mustBeAuthor(program, user);
        switch (program.getStatus()) {
            case DRAFT -> {
                statuses.change(program, ProgramStatus.SUBMITTED, user);
                program.submitted(process.start(program));
            }
            case REVISION_REQUIRED -> {
                statuses.change(program, ProgramStatus.SUBMITTED, user);
                // as the user completes every task: the engine and the audit trail record who resubmitted
                if (!process.resubmit(program, user)) {
                    throw ProblemException.conflict("status", "programme " + program.getCode() + " has no open revision");
                }
            }
            default -> throw ProblemException.conflict("status", "programme " + program.getCode() + " is "
                    + program.getStatus() + " and cannot be submitted");
        }
        return program;
    }

    /** Every programme, or those of one status, newest first. */
    @Transactional(readOnly = true)
    public List<Program> list(ProgramStatus status) {
        return status == null ? programs.findAllByOrderByIdDesc() : programs.findByStatusOrderByIdDesc(status);
    }

    /** A programme as a list shows it: where it stands and its batches. */
    public record Summary(long id, String code, String title, String agency, ProgramStatus status,
                          List<BatchSummary> batches) {
    }

    public record BatchSummary(long id, String name, java.time.LocalDate startDate, java.time.LocalDate endDate,
                               boolean delivered) {
    }

    /** The newest programmes first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Summary> summaries(int limit) {
        return programs.findAllByOrderByIdDesc().stream().limit(limit).map(p -> new Summary(p.getId(), p.getCode(),
                p.getTitle(), p.getAgency(), p.getStatus(), p.getBatches().stream().map(b -> new BatchSummary(b.getId(),
                        b.getName(), b.getStartDate(), b.getEndDate(), b.isDelivered())).toList())).toList();
    }

    @Transactional(readOnly = true)
    public Program get(long id) {
        Program program = programs.findById(id).orElseThrow(() -> ProblemException.notFound("programme " + id));
        program.getBatches().forEach(batch -> batch.getSessionPlan().forEach(session -> session.getInstructors().size()));
        program.getBudgetItems().size();
        return program;
    }

    /** A proposal belongs to its author: others can read it, only they change or submit it. */
    private static void mustBeAuthor(Program program, String user) {
        if (!program.getCreatedBy().equals(user)) {
            throw ProblemException.forbidden("programme " + program.getCode() + " was proposed by " + program.getCreatedBy()
                    + "; only they can change or submit it");
        }
    }

    Program lock(long id) {
        return programs.lockById(id).orElseThrow(() -> ProblemException.notFound("programme " + id));
    }

    /** What can be checked without the process: the request's own consistency and the budget line's existence. */
    private BudgetLine checkShape(ProgramRequest request) {
        BudgetLine line = budgetLines.findByCodeAndFiscalYear(request.budgetLineCode(), request.fiscalYear())
                .orElseThrow(() -> ProblemException.invalid("budgetLineCode", "no budget line " + request.budgetLineCode()
                        + " for fiscal year " + request.fiscalYear()));
        if (!line.belongsTo(request.agency())) {
            throw ProblemException.invalid("budgetLineCode", "the budget line " + line.getCode() + " belongs to "
                    + line.getAgency() + ", not to " + request.agency().strip());
        }
        if (request.seatOfferTime() != null && !IsoDurations.isValid(request.seatOfferTime())) {
            throw ProblemException.invalid("seatOfferTime", "'" + request.seatOfferTime()
                    + "' is not a positive ISO-8601 duration such as PT48H or P2D");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.batches().size(); i++) {
            ProgramRequest.BatchRequest batch = request.batches().get(i);
            if (!names.add(batch.name().trim())) {
                throw ProblemException.invalid("batches[" + i + "].name", "batch name '" + batch.name() + "' is used twice");
            }
            if (batch.endDate().isBefore(batch.startDate())) {
                throw ProblemException.invalid("batches[" + i + "].endDate", "the batch ends before it starts");
            }
        }
        sessionPlans.check(request);
        return line;
    }
}
