package org.foiflow.bench;

import java.util.ArrayList;
import java.util.List;
import org.foiflow.FoiflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application, started in this JVM on a given database with the demo users, as `java -jar` would
 * start it (demo profile, and the postgres profile on PostgreSQL; not the test profile): web server on a free
 * port, authorizations on.
 */
final class FoiflowNode {

  private FoiflowNode() {
  }

  static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password,
        "--server.port=0",
        // several engines live one after the other in the benchmark JVM
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.generate-unique-process-application-name=true"));
    args.addAll(List.of(more));
    // on PostgreSQL with the production settings (application-postgres.yaml), as a real installation runs
    String[] profiles = jdbcUrl.startsWith("jdbc:postgresql:") ? new String[] {"demo", "postgres"} : new String[] {"demo"};
    return new SpringApplicationBuilder(FoiflowApplication.class).profiles(profiles).run(args.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
