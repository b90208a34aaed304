package org.foiflow.correspondence;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;
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

  /** The FOI team's mailbox in the tests: its address, and its IMAP login (the same). */
  public static final String FOI_MAILBOX = "foi@example.gov.uk";
  public static final String FOI_MAILBOX_PASSWORD = "mailbox-secret";

  /**
   * SMTP and IMAP on free ports of their own choosing (port 0), with the FOI mailbox's account: mail sent to
   * {@link #FOI_MAILBOX} over SMTP is read by foiflow over IMAP.
   */
  public static GreenMail startedWithMailbox() {
    GreenMail servers = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    servers.start();
    servers.setUser(FOI_MAILBOX, FOI_MAILBOX, FOI_MAILBOX_PASSWORD);
    return servers;
  }

  /** The application's foiflow.mailbox.* settings for the server's FOI mailbox, as command-line arguments. */
  public static java.util.List<String> mailboxArguments(GreenMail servers) {
    return java.util.List.of("--foiflow.mailbox.host=127.0.0.1",
        "--foiflow.mailbox.port=" + servers.getImap().getPort(),
        "--foiflow.mailbox.protocol=imap",
        "--foiflow.mailbox.username=" + FOI_MAILBOX,
        "--foiflow.mailbox.password=" + FOI_MAILBOX_PASSWORD);
  }

  /** Points the application's foiflow.mailbox.* settings at the server's FOI mailbox. */
  public static void readFrom(GreenMail servers, DynamicPropertyRegistry properties) {
    for (String argument : mailboxArguments(servers)) {
      String[] setting = argument.substring(2).split("=", 2);
      properties.add(setting[0], () -> setting[1]);
    }
  }

  /**
   * Sends these exact bytes over SMTP to the FOI mailbox, as another mail server would: nothing is re-encoded, so a
   * broken message arrives broken.
   */
  public static void sendRaw(GreenMail servers, byte[] raw) {
    Properties envelope = new Properties();
    envelope.setProperty("mail.smtp.from", "sender@example.org"); // MAIL FROM: not read from the raw headers
    Session session = Session.getInstance(envelope);
    try (Transport smtp = session.getTransport("smtp")) {
      smtp.connect("127.0.0.1", servers.getSmtp().getPort(), null, null);
      smtp.sendMessage(new RawMessage(session, raw), new Address[] {new InternetAddress(FOI_MAILBOX)});
    } catch (MessagingException failed) {
      throw new IllegalStateException(failed);
    }
  }

  /** A message that writes its bytes as given. */
  private static final class RawMessage extends MimeMessage {
    private final byte[] raw;

    RawMessage(Session session, byte[] raw) {
      super(session);
      this.raw = raw;
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
      out.write(raw);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(raw);
    }
  }
}
