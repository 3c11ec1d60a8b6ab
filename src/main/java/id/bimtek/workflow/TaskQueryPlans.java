package id.bimtek.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Good PostgreSQL plans for the engine's task queries (Tasklist's filters and counts, the project's task API)
 * however many tasks are open. The engine grants every task's candidates on the task itself, one
 * authorization row per open task, and its check filters those rows with {@code PERMS_ & ? = ?}. Two things
 * made a head's Tasklist take seconds at 10,000 open tasks (README, "the task list at 10,000 open tasks"):
 * <ul>
 * <li>PostgreSQL has no statistics for such an expression and guessed 0.5 % of the rows; statistics on the
 * permission bits the checks test (READ on a task, READ_TASK on a definition) make the estimate right, and an
 * index of the grants on tasks and definitions only keeps the check to the rows it can match;</li>
 * <li>after five executions of a prepared statement PostgreSQL may switch to a generic plan, made without the
 * parameters' values, where those statistics cannot apply: it estimates one authorization row and joins it
 * to every task with a 100,000,000-row nested loop (30 s). Task queries therefore always get a plan made for
 * their values ({@code plan_cache_mode = force_custom_plan}, while they run); other statements keep their
 * cached plans;</li>
 * <li>a plan over thousands of tasks costs enough for PostgreSQL to compile it to machine code first (JIT, on by
 * default in Debian's server): 650 ms of compiling for a query that runs in 110. The application's connections
 * have JIT off ({@code spring.datasource.hikari.connection-init-sql}).</li>
 * </ul>
 * The statistics are created here because the engine, not Flyway, makes its tables. PostgreSQL before 14 has
 * neither statistics on expressions nor the setting and is left as it is.
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskQueryPlans.class);

    /** Permission bits in the engine's checks: READ (tasks and more), READ_TASK (process definitions). */
    private static final int[] CHECKED_PERMISSIONS = {2, 64};

    private final JdbcTemplate jdbc;
    private volatile boolean supported;

    TaskQueryPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired()
                == null ? List.of() : configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CustomPlansForTaskQueries());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    || connection.getMetaData().getDatabaseMajorVersion() < 14) {
                log.info("No statistics on the engine's permission bits before PostgreSQL 14: Tasklist's counts may be slow"
                        + " with many open tasks");
                return;
            }
            supported = true;
            // each on its own: two nodes starting at once may race to create them, and the loser goes on without
            attempt("statistics on the engine's permission bits", () -> {
                for (int bit : CHECKED_PERMISSIONS) {
                    statement.execute("create statistics if not exists act_ru_authorization_perms_" + bit
                            + " on ((perms_ & " + bit + ")) from act_ru_authorization");
                }
                if (!analysed(statement)) {
                    // autovacuum keeps them current from then on, like the table's own statistics
                    statement.execute("analyze act_ru_authorization");
                }
            });
            // the rows a task query's check can match: the '*' grants of other resources (the admin's, the auditor's)
            // are left out, not read and thrown away for every task (6 rows a task instead of 32)
            attempt("the index of grants on tasks", () -> statement.execute("create index concurrently if not exists"
                    + " act_idx_auth_task_reads on act_ru_authorization (resource_id_) where type_ < 2 and resource_type_ in (6, 7)"));
        } catch (SQLException e) {
            log.warn("Could not look at the engine's database: {}", e.getMessage());
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void attempt(String what, Work work) {
        try {
            work.run();
        } catch (SQLException e) {
            log.warn("Not created: {} (Tasklist's counts may be slow with many open tasks): {}", what, e.getMessage());
        }
    }

    private static boolean analysed(Statement statement) throws SQLException {
        try (var statistics = statement.executeQuery("select count(*) from pg_stats_ext_exprs"
                + " where statistics_name like 'act_ru_authorization_perms_%'")) {
            statistics.next();
            return statistics.getInt(1) == CHECKED_PERMISSIONS.length;
        }
    }

    /**
     * Runs inside the command's transaction, on its connection, and gives the transaction back its cached plans
     * when the query is done: a task completion looks its task up first, and every statement after it (about
     * 70 a completion) was planned again (LifecycleBenchmark: 1,190 plans a lifecycle, 140 ms of PostgreSQL's
     * time). A query by the task's id needs no plan of its own.
     */
    private final class CustomPlansForTaskQueries extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (!supported || !plannedForItsValues(command)) {
                return next.execute(command);
            }
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            T result = next.execute(command);
            // not after a failure: the transaction may be aborted, and it is rolled back with its setting
            jdbc.execute("set local plan_cache_mode to default");
            return result;
        }

        private static boolean plannedForItsValues(Command<?> command) {
            return command instanceof TaskQueryImpl query ? query.getTaskId() == null
                    : command instanceof AbstractExecuteFilterCmd;
        }
    }
}
