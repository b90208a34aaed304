package org.foiflow.drafting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the drafting settings (foiflow.authority.*, foiflow.letters.*) without touching the application class. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorityProfile.class, LetterSettings.class})
public class DraftingConfiguration {
}
