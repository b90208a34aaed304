package org.foiflow.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for a test class, on a port of its own choosing (not GreenMail's 3025, which a mail server
 * on the machine may hold). A class starts it in a static field, before the Spring context that reads its port
 * (the coverage listener loads the context ahead of any extension's beforeAll), and stops it after its tests.
 */
public final class MailServerForTests {

  private MailServerForTests() {
  }

  public static GreenMail started() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    return smtp;
  }

  /** Points the application's mail settings at the server. */
  public static void sendTo(GreenMail smtp, DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> smtp.getSmtp().getBindTo());
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }
}
