package org.foiflow.drafting;

import org.foiflow.casefile.ClockSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Binds the drafting settings (foiflow.authority.*, foiflow.letters.*) and the clock's time zone the letters are
 * dated in (foiflow.clock.*) without touching the application class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorityProfile.class, LetterSettings.class, ClockSettings.class})
public class DraftingConfiguration {

  /** The letters' template engine, shared by drafting and the review letters (Boot's engine serves the web pages). */
  @Bean
  LetterTemplates letterTemplates(LetterSettings settings, ResourceLoader resourceLoader) {
    return new LetterTemplates(settings, resourceLoader);
  }
}
