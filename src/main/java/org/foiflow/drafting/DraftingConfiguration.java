package org.foiflow.drafting;

import org.foiflow.casefile.ClockSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the drafting settings (foiflow.authority.*, foiflow.letters.*) and the clock's time zone the letters are
 * dated in (foiflow.clock.*) without touching the application class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorityProfile.class, LetterSettings.class, ClockSettings.class})
public class DraftingConfiguration {
}
