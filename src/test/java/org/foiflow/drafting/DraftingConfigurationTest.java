package org.foiflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The beans as Spring wires them, with the configuration keys the application.yaml sets. */
class DraftingConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(DraftingConfiguration.class, LetterDrafter.class);

  @Test
  void bindsTheAuthorityAndLetterSettings() {
    context.withPropertyValues(
            "foiflow.authority.name=Testshire County Council",
            "foiflow.authority.address-lines[0]=County Hall",
            "foiflow.authority.address-lines[1]=Testtown TT1 1TT",
            "foiflow.authority.email=foi@testshire.gov.uk",
            "foiflow.authority.signatory-name=Sam Patel",
            "foiflow.authority.signatory-title=Head of Information Governance",
            "foiflow.letters.location=file:letters/",
            "foiflow.letters.cache-ttl=5s")
        .run(app -> {
          AuthorityProfile authority = app.getBean(AuthorityProfile.class);
          assertThat(authority.name()).isEqualTo("Testshire County Council");
          assertThat(authority.addressLines()).containsExactly("County Hall", "Testtown TT1 1TT");
          assertThat(authority.team()).isEqualTo("Information Governance Team");
          assertThat(app.getBean(LetterSettings.class).cacheTtl()).isEqualTo(Duration.ofSeconds(5));
          DraftedLetter letter = app.getBean(LetterDrafter.class)
              .draft(LetterType.ACKNOWLEDGEMENT, CaseLetter.from(LetterCases.acknowledgement()));
          assertThat(letter.text()).contains("Sam Patel", "Head of Information Governance",
              "by email to foi@testshire.gov.uk or by post to Testshire County Council, County Hall, Testtown TT1 1TT");
        });
  }

  @Test
  void startsWithDefaultsWhenNothingIsConfigured() {
    context.run(app -> {
      assertThat(app.getBean(AuthorityProfile.class)).isEqualTo(AuthorityProfile.defaults());
      assertThat(app.getBean(LetterSettings.class)).isEqualTo(LetterSettings.defaults());
      assertThat(app.getBean(LetterDrafter.class).templatesLocation()).isEqualTo("file:letters/");
    });
  }
}
