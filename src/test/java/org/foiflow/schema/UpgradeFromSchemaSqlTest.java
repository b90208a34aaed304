package org.foiflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.process.FoiCase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application started on a database that the last release without Flyway made (its schema.sql and
 * a case in it): Flyway runs before the engine, records that database as version 1, keeps the case, and the
 * next case carries on from it.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class UpgradeFromSchemaSqlTest {

  // in memory under a name of its own: nothing left on disk, and no other test's context sees it
  static final String URL = "jdbc:h2:mem:foiflow-upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @DynamicPropertySource
  static void databaseMadeByTheLastReleaseWithoutFlyway(DynamicPropertyRegistry properties) throws Exception {
    JdbcDataSource old = new JdbcDataSource();
    old.setURL(URL);
    old.setUser("sa");
    SchemaMigrationScenarios.runOldMainSchemaSql(old);
    SchemaMigrationScenarios.insertACase(new JdbcTemplate(old));
    properties.add("spring.datasource.url", () -> URL);
  }

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ConfigurableListableBeanFactory beans;

  @Test
  void theDatabaseIsBaselinedAtOneAndItsCaseKept() {
    assertThat(SchemaMigrationScenarios.history(dataSource)).containsExactlyElementsOf(
        SchemaMigrationScenarios.migrated("1 BASELINE true"));
    assertThat(jdbc.queryForObject("SELECT stage FROM foi_case WHERE reference = 'FOI-2026-00007'", String.class))
        .isEqualTo("Assess");
  }

  @Test
  void theNextCaseTakesTheNextReference() {
    FoiCase next = FoiCase.logged(engine, FoiCase.aRequest("Ursula Upgrade", LocalDate.of(2026, 11, 3)));
    assertThat(next.reference()).isEqualTo("FOI-2026-00008");
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM foi_case WHERE reference = 'FOI-2026-00008'",
        String.class)).isEqualTo(next.instance().getId());
  }

  @Test
  void theEngineStartsOnlyAfterFlyway() {
    String[] engineBeans = beans.getBeanNamesForType(org.camunda.bpm.engine.spring.ProcessEngineFactoryBean.class);
    assertThat(engineBeans).isNotEmpty();
    for (String engineBean : engineBeans) {
      assertThat(beans.getBeanDefinition(BeanFactoryUtils.transformedBeanName(engineBean)).getDependsOn()).contains("flywayInitializer");
    }
  }
}
