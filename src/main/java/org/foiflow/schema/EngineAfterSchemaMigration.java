package org.foiflow.schema;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Starts the engine after Flyway has migrated foiflow's tables (registered in META-INF/spring.factories).
 * Spring Boot orders only JdbcTemplate, JPA and the like after Flyway, not Camunda's engine; without this the
 * engine could deploy and run jobs that write foi_case before the table exists, and on a new database it could
 * make its tables first or last depending on bean order.
 */
public class EngineAfterSchemaMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
  }
}
