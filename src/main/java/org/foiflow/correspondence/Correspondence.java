package org.foiflow.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.AuthorityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a filed letter to the requester: by email with the PDF attached when the requester gave an email
 * address and SMTP is configured (spring.mail.*), otherwise marked for post. A mail failure fails the
 * service task, so the engine retries it (or shows an incident) and nothing is recorded as sent.
 */
@Component
public class Correspondence {

  public static final String EMAIL = "EMAIL";
  public static final String POST = "POST";
  private static final Logger log = LoggerFactory.getLogger(Correspondence.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final AuthorityProfile authority;
  private final CaseClock caseClock;
  private final LetterDrafter drafter;

  public Correspondence(ObjectProvider<JavaMailSender> mailSender, AuthorityProfile authority, CaseClock caseClock,
                        LetterDrafter drafter) {
    this.mailSender = mailSender;
    this.authority = authority;
    this.caseClock = caseClock;
    this.drafter = drafter;
  }

  /** Drafts a letter from the case as it stands, files it with the case and sends it; returns its id. */
  public String draftAndSend(DelegateExecution caseScope, LetterType type) {
    String id = CaseLetters.file(caseScope, type, drafter.draft(type, CaseLetter.from(caseScope.getVariables())));
    send(caseScope, id, type.title());
    return id;
  }

  /** Sends the letter and records on the case how and when; returns the channel used. */
  public String send(VariableScope caseScope, String letterId, String subject) {
    CaseFile file = CaseFile.of(caseScope);
    String email = file.text("requesterEmail");
    JavaMailSender sender = mailSender.getIfAvailable();
    String channel;
    if (email != null && sender != null) {
      sender.send(message(sender, caseScope, letterId, email, subject));
      channel = EMAIL;
    } else {
      if (email != null) {
        log.warn("No SMTP configured (spring.mail.host): letter {} of {} is marked for post", letterId, file.reference());
      }
      channel = POST;
    }
    CaseLetters.markSent(caseScope, letterId, channel, caseClock.today().toString());
    return channel;
  }

  private MimeMessage message(JavaMailSender sender, VariableScope caseScope, String letterId, String to,
                              String subject) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
      String reference = CaseFile.of(caseScope).reference();
      mail.setFrom(authority.email());
      mail.setTo(to);
      mail.setSubject(reference + ": " + subject);
      mail.setText(new String(CaseLetters.content(caseScope, letterId, "Html"), java.nio.charset.StandardCharsets.UTF_8), true);
      mail.addAttachment(reference + ".pdf", new ByteArrayResource(CaseLetters.content(caseScope, letterId, "Pdf")),
          "application/pdf");
      return message;
    } catch (MessagingException | MailException unsendable) {
      throw new IllegalStateException("letter " + letterId + " could not be prepared for email", unsendable);
    }
  }
}
