package org.foiflow.security;

import java.util.Map;
import org.foiflow.FoiflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;

/** foiflow started as `java -jar` starts it, for tests of what a start does: own database, free port. */
final class Starting {

  private Starting() {
  }

  /** On the named in-memory database, which outlives the application: a later start may use it again. */
  static SpringApplicationBuilder foiflow(String database, String adminPassword, String... profiles) {
    Map<String, Object> settings = Map.of(
        "server.port", "0",
        "spring.datasource.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "FOIFLOW_ADMIN_PASSWORD", adminPassword,
        "spring.main.banner-mode", "off");
    return new SpringApplicationBuilder(FoiflowApplication.class)
        .profiles(profiles)
        // first in line, as the command line would be: builder properties come after application.yaml's
        .initializers(context -> context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("started-by-test", settings)));
  }
}
