package org.foiflow.scotland;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Scottish public authority's installation ({@code foiflow.jurisdiction: scotland}): FOISA and the EISR. Every
 * Scottish scenario test carries this one annotation, so they share one application context (one engine start).
 * Tests in it share the engine and a web server on a random port: count only what each test itself made.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "foiflow.jurisdiction=scotland")
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ScottishAuthority {
}
