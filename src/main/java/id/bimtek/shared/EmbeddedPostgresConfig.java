package id.bimtek.shared;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.util.StringUtils;

/**
 * Starts a PostgreSQL of its own when no server is configured (no {@code spring.datasource.url}).
 * Only on the classpath with the default {@code embedded-db} Maven profile, so a production image
 * built without it always needs a configured server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${lifecycle.embedded-db.data-directory:}") String dataDirectory,
            @Value("${lifecycle.embedded-db.port:0}") int port,
            @Value("${lifecycle.embedded-db.statement-statistics:false}") boolean statementStatistics) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, so the embedded database cannot start. "
                    + "Run as an ordinary user, or point SPRING_DATASOURCE_URL at a PostgreSQL server.");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops it after the engine and the pool are closed, not a JVM hook racing them
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on");
        if (statementStatistics) {
            // pg_stat_statements counts every statement the server runs and its planning (bench: LifecycleBenchmark)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        if (StringUtils.hasText(dataDirectory)) {
            Path dir = Path.of(dataDirectory).toAbsolutePath();
            Files.createDirectories(dir);
            // keep the data between runs: the default run is a small real installation
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {}{}", postgres.getPort(),
                StringUtils.hasText(dataDirectory) ? " with data in " + dataDirectory : "");
        return postgres;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        // the same settings as the pool Spring Boot makes for a configured server
        if (StringUtils.hasText(initSql)) {
            dataSource.setConnectionInitSql(initSql);
        }
        return dataSource;
    }
}
