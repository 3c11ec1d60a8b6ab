package id.bimtek.outcomes;

import id.bimtek.proposal.ProgramStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What programmes achieved, added up across them for the heads: demand (applicants per seat), who took part and
 * completed, what a graduate cost, how the graduates' businesses fare at each monitoring round against where they
 * stood when they applied, and who came back for another programme.
 *
 * <p>A read model: it reads the stages' tables and writes none (ADR 0007). Only programmes that opened their
 * registration count; only monitoring rounds staff have recorded (final) count.
 */
@Service
@Transactional(readOnly = true)
public class OutcomeReport {

    /** Statuses of programmes that never opened their registration: nothing to add up yet. */
    private static final List<String> NOT_OPENED = List.of(ProgramStatus.DRAFT.name(), ProgramStatus.SUBMITTED.name(),
            ProgramStatus.REVISION_REQUIRED.name(), ProgramStatus.IN_REVIEW.name(), ProgramStatus.BUDGET_APPROVAL.name(),
            ProgramStatus.REJECTED.name());

    /** One programme's figures; applicants, participants and graduates only those the filter's district and sector choose. */
    public record Programme(long id, String code, String title, String kind, String agency, int fiscalYear, String status,
                            long seats, long applicants, long participants, long decided, long graduates,
                            long allGraduates, BigDecimal realised, long repeatParticipants, Set<Integer> rounds) {

        public BigDecimal applicantsPerSeat() {
            return ratio(applicants, seats);
        }

        /** Graduates among the participants whose completion has been decided (at closing). */
        public BigDecimal completionPercent() {
            return percent(graduates, decided);
        }

        /** Realised budget over all the programme's graduates: known once its closing report realised the money. */
        public BigDecimal costPerGraduate() {
            return realised.signum() > 0 && allGraduates > 0
                    ? realised.divide(BigDecimal.valueOf(allGraduates), 0, RoundingMode.HALF_UP) : null;
        }
    }

    /** A monitoring round across programmes: the businesses reported, and the same businesses when they applied. */
    public record Round(int round, long reported, long active, BigDecimal medianRevenue, BigDecimal medianEmployees,
                       long revenueBaselines, BigDecimal baselineRevenue, long employeeBaselines,
                       BigDecimal baselineEmployees) {

        public BigDecimal activePercent() {
            return percent(active, reported);
        }
    }

    public record Totals(long programmes, long seats, long applicants, long participants, long decided, long graduates,
                         BigDecimal realisedOfCosted, long graduatesOfCosted, long distinctParticipants,
                         long repeatParticipants) {

        public BigDecimal applicantsPerSeat() {
            return ratio(applicants, seats);
        }

        public BigDecimal completionPercent() {
            return percent(graduates, decided);
        }

        public BigDecimal costPerGraduate() {
            return graduatesOfCosted == 0 ? null
                    : realisedOfCosted.divide(BigDecimal.valueOf(graduatesOfCosted), 0, RoundingMode.HALF_UP);
        }

        public BigDecimal repeatPercent() {
            return percent(repeatParticipants, distinctParticipants);
        }
    }

    public record Report(OutcomeFilter filter, Totals totals, List<Round> rounds, List<Programme> programmes) {
    }

    /** What the filter's lists offer: the values that occur. */
    public record Choices(List<Integer> fiscalYears, List<String> kinds, List<String> agencies, List<String> tracks,
                          List<String> districts, List<String> sectors) {
    }

    /** Each programme's figures; {@code p}, {@code r} and {@code repeaters} come from {@link Scope}. */
    static final String PROGRAMMES = """
                select p.id, p.code, p.title, p.kind, p.agency, p.fiscal_year, p.status, p.realised_amount,
                       coalesce((select sum(b.quota) from batch b where b.program_id = p.id), 0) as seats,
                       (select count(*) from registration g where g.program_id = p.id and g.completed) as all_graduates,
                       count(distinct r.nik) as applicants,
                       count(*) filter (where r.status = 'CONFIRMED') as participants,
                       count(*) filter (where r.status = 'CONFIRMED' and r.completed is not null) as decided,
                       count(*) filter (where r.completed) as graduates,
                       coalesce(max(x.repeaters), 0) as repeaters,
                       (select array_agg(m.round order by m.round) from monitoring_round m where m.program_id = p.id) as rounds
                  from p left join r on r.program_id = p.id
                  left join (select program_id, count(*) as repeaters from repeaters group by program_id) x
                         on x.program_id = p.id
                 group by p.id, p.code, p.title, p.kind, p.agency, p.fiscal_year, p.status, p.realised_amount
                 order by p.fiscal_year desc, p.code""";

    static final String TOTALS = """
                select count(distinct r.nik) filter (where r.status = 'CONFIRMED') as distinct_participants,
                       (select count(distinct x.nik) from repeaters x) as repeaters
                  from r""";

    /** Outcomes of the recorded rounds, and the same businesses when they applied. */
    static final String ROUNDS = """
                select o.round, count(*) as reported, count(*) filter (where o.business_active) as active,
                       percentile_cont(0.5) within group (order by o.monthly_revenue) as median_revenue,
                       percentile_cont(0.5) within group (order by o.employees) as median_employees,
                       count(r.monthly_revenue) as revenue_baselines,
                       percentile_cont(0.5) within group (order by r.monthly_revenue) as baseline_revenue,
                       count(r.employees) as employee_baselines,
                       percentile_cont(0.5) within group (order by r.employees) as baseline_employees
                  from outcome o
                  join monitoring_round m on m.program_id = o.program_id and m.round = o.round
                  join r on r.id = o.registration_id
                 group by o.round order by o.round""";

    private final JdbcTemplate jdbc;

    OutcomeReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(OutcomeFilter filter) {
        // Planned for this filter's values each time: after five runs PostgreSQL would otherwise keep a generic plan,
        // which knows no agency or year and took 1.8 s instead of 0.1 s on 200 programmes (OutcomeDashboardBenchmark).
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
        Scope scope = Scope.of(filter);
        List<Programme> programmes = jdbc.query(scope.with + PROGRAMMES, OutcomeReport::programme, scope.parameters());
        Totals totals = jdbc.queryForObject(scope.with + TOTALS, (rs, i) -> totals(programmes, rs.getLong("distinct_participants"), rs.getLong("repeaters")),
                scope.parameters());
        List<Round> rounds = jdbc.query(scope.with + ROUNDS, (rs, i) -> new Round(rs.getInt("round"), rs.getLong("reported"),
                rs.getLong("active"), median(rs, "median_revenue", 0), median(rs, "median_employees", 1),
                rs.getLong("revenue_baselines"), median(rs, "baseline_revenue", 0), rs.getLong("employee_baselines"),
                median(rs, "baseline_employees", 1)), scope.parameters());
        return new Report(filter, totals, rounds, programmes);
    }

    public Choices choices() {
        String opened = "status not in (" + String.join(", ", NOT_OPENED.stream().map(s -> "'" + s + "'").toList()) + ")";
        return new Choices(
                jdbc.queryForList("select distinct fiscal_year from program where " + opened + " order by 1 desc", Integer.class),
                jdbc.queryForList("select distinct kind from program where " + opened + " order by 1", String.class),
                jdbc.queryForList("select distinct agency from program where " + opened + " order by 1", String.class),
                jdbc.queryForList("select distinct trim(t) from program, unnest(string_to_array(tracks, ',')) t where "
                        + opened + " order by 1", String.class),
                jdbc.queryForList("select distinct district from registration order by 1", String.class),
                jdbc.queryForList("select distinct sector from registration order by 1", String.class));
    }

    /**
     * The programmes and registrations a filter chooses, as common table expressions ({@code p}, {@code r},
     * {@code repeaters}: participants who also took part in another programme here, or in one from the agency's
     * earlier lists), and their parameters in order.
     */
    record Scope(String with, List<Object> values) {

        static Scope of(OutcomeFilter filter) {
            List<Object> parameters = new ArrayList<>(NOT_OPENED);
            StringBuilder programmes = new StringBuilder("p.status not in (?, ?, ?, ?, ?, ?)");
            if (filter.fiscalYear() != null) {
                programmes.append(" and p.fiscal_year = ?");
                parameters.add(filter.fiscalYear());
            }
            if (filter.kind() != null) {
                programmes.append(" and p.kind = ?");
                parameters.add(filter.kind());
            }
            if (filter.agency() != null) {
                programmes.append(" and p.agency = ?");
                parameters.add(filter.agency());
            }
            if (filter.track() != null) {
                programmes.append(" and ? = any(string_to_array(replace(p.tracks, ' ', ''), ','))");
                parameters.add(filter.track());
            }
            StringBuilder applicants = new StringBuilder("true");
            if (filter.district() != null) {
                applicants.append(" and r.district = ?");
                parameters.add(filter.district());
            }
            if (filter.sector() != null) {
                applicants.append(" and r.sector = ?");
                parameters.add(filter.sector());
            }
            return new Scope("""
                    with p as (select p.id, p.code, p.title, p.kind, p.agency, p.fiscal_year, p.status, p.realised_amount
                                 from program p where %s),
                         r as (select r.id, r.program_id, r.nik, r.status, r.completed, r.monthly_revenue, r.employees
                                 from registration r join p on p.id = r.program_id where %s),
                         repeaters as (select distinct r.program_id, r.nik from r
                                        where r.status = 'CONFIRMED'
                                          and (exists (select 1 from registration o where o.nik = r.nik
                                                        and o.program_id <> r.program_id and o.status = 'CONFIRMED')
                                               or exists (select 1 from earlier_participation e where e.nik = r.nik)))
                    """.formatted(programmes, applicants), parameters);
        }

        Object[] parameters() {
            return values.toArray();
        }
    }

    private static Programme programme(ResultSet rs, int row) throws SQLException {
        Set<Integer> rounds = new TreeSet<>();
        Array array = rs.getArray("rounds");
        if (array != null) {
            for (Integer round : (Integer[]) array.getArray()) {
                rounds.add(round);
            }
        }
        return new Programme(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("kind"),
                rs.getString("agency"), rs.getInt("fiscal_year"), rs.getString("status"), rs.getLong("seats"),
                rs.getLong("applicants"), rs.getLong("participants"), rs.getLong("decided"), rs.getLong("graduates"),
                rs.getLong("all_graduates"), rs.getBigDecimal("realised_amount"), rs.getLong("repeaters"), rounds);
    }

    private static Totals totals(List<Programme> programmes, long distinctParticipants, long repeaters) {
        long seats = 0, applicants = 0, participants = 0, decided = 0, graduates = 0, graduatesOfCosted = 0;
        BigDecimal realisedOfCosted = BigDecimal.ZERO;
        for (Programme programme : programmes) {
            seats += programme.seats();
            applicants += programme.applicants();
            participants += programme.participants();
            decided += programme.decided();
            graduates += programme.graduates();
            if (programme.costPerGraduate() != null) {
                realisedOfCosted = realisedOfCosted.add(programme.realised());
                graduatesOfCosted += programme.allGraduates();
            }
        }
        return new Totals(programmes.size(), seats, applicants, participants, decided, graduates, realisedOfCosted,
                graduatesOfCosted, distinctParticipants, repeaters);
    }

    private static BigDecimal median(ResultSet rs, String column, int scale) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** A median number of people as one says it: "2", or "1,5" between two businesses. */
    public static String people(BigDecimal median) {
        return median == null ? "—" : median.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
