package org.foiflow.contributions;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.foiflow.drafting.AuthorityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The internal emails of a contribution (a reminder to the unit, an escalation to its manager and the officer):
 * sent from the FOI team's address once the step that sends them has committed, so a step rolled back sends
 * nothing. Without an email server (no spring.mail.host) or when it fails, the email is only logged: the step is
 * recorded all the same, and a reminder never stops a case.
 */
@Component
public class UnitEmails {

  private static final Logger log = LoggerFactory.getLogger(UnitEmails.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final AuthorityProfile authority;

  public UnitEmails(ObjectProvider<JavaMailSender> mailSender, AuthorityProfile authority) {
    this.mailSender = mailSender;
    this.authority = authority;
  }

  void sendOnCommit(List<String> to, String subject, String text) {
    if (to.isEmpty()) {
      log.info("No one to email about \"{}\": the unit's people have no email address", subject);
      return;
    }
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> to.forEach(one -> send(one, subject, text)));
  }

  /** One email each: no one learns who else was told. */
  private void send(String to, String subject, String text) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      log.info("No email server configured: \"{}\" to {} recorded, not sent", subject, to);
      return;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
      mail.setFrom(authority.email());
      mail.setTo(to);
      mail.setSubject(subject);
      mail.setText(text);
      sender.send(message);
    } catch (MailException | MessagingException failed) {
      log.warn("\"{}\" to {} could not be sent: {}", subject, to, failed.getMessage());
    }
  }
}
