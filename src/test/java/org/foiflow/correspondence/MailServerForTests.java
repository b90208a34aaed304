package org.foiflow.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for a test class, on a port of its own choosing (not GreenMail's 3025, which a mail
 * server on the machine may hold). Each test starts with empty mailboxes; the server stops after the class.
 * <pre>
 * &#64;RegisterExtension
 * static final MailServerForTests mail = MailServerForTests.started();
 *
 * &#64;DynamicPropertySource
 * static void mailServer(DynamicPropertyRegistry properties) {
 *   mail.sendTo(properties);
 * }
 * </pre>
 * It starts in the static field, not in an extension's beforeAll: the coverage listener loads the Spring context,
 * which reads the port, ahead of any extension's beforeAll.
 */
public final class MailServerForTests implements BeforeEachCallback, AfterAllCallback {

  private final GreenMail server;

  private MailServerForTests(GreenMail server) {
    this.server = server;
  }

  /** An SMTP server without authentication, started now. */
  public static MailServerForTests started() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    return new MailServerForTests(smtp);
  }

  /** GreenMail itself, for what the helpers below do not cover. */
  public GreenMail server() {
    return server;
  }

  /** Points the application's mail settings at this server. */
  public void sendTo(DynamicPropertyRegistry properties) {
    sendTo(server, properties);
  }

  /** Points the application's mail settings at a server a test configured itself (e.g. one that refuses). */
  public static void sendTo(GreenMail smtp, DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> smtp.getSmtp().getBindTo());
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  /** Every email received since the test began, in the order received. */
  public MimeMessage[] received() {
    return server.getReceivedMessages();
  }

  /** The emails of one case (their headers name its reference: the subject does), in the order received. */
  public List<MimeMessage> about(String reference) {
    return Arrays.stream(received()).filter(message -> GreenMailUtil.getHeaders(message).contains(reference)).toList();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws FolderException {
    server.purgeEmailFromAllMailboxes();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }
}
