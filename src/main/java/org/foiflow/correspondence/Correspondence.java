package org.foiflow.correspondence;

import static org.foiflow.casefile.CaseVariable.REQUESTER_EMAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a filed letter to the requester: by email with the PDF attached when the requester gave an email
 * address and SMTP is configured (spring.mail.*), otherwise by post: a "Print and post" task ({@link LettersByPost}),
 * as for an email the outbox gives up on. The email leaves through the
 * {@link LetterOutbox} once the step commits, so a step that rolls back never emails, and an email that
 * fails is tried again, without failing the case's step.
 */
@Component
public class Correspondence {

  public static final String EMAIL = "EMAIL";
  public static final String POST = "POST";
  private static final Logger log = LoggerFactory.getLogger(Correspondence.class);

  private final LetterOutbox outbox;
  private final CaseClock caseClock;
  private final LetterDrafter drafter;
  private final LettersByPost lettersByPost;

  public Correspondence(LetterOutbox outbox, CaseClock caseClock, LetterDrafter drafter, LettersByPost lettersByPost) {
    this.outbox = outbox;
    this.caseClock = caseClock;
    this.drafter = drafter;
    this.lettersByPost = lettersByPost;
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
    String email = file.text(REQUESTER_EMAIL);
    String channel;
    if (email != null && outbox.canEmail()) {
      outbox.queue(caseScope, letterId, file.reference() + ": " + subject);
      channel = EMAIL;
    } else {
      if (email != null) {
        log.warn("No SMTP configured (spring.mail.host): letter {} of {} goes by post", letterId, file.reference());
      }
      // never only a mark: someone is asked to print and post it
      lettersByPost.fromStep(caseScope, letterId, email == null ? PostReason.NO_EMAIL_ADDRESS : PostReason.NO_EMAIL_SERVER,
          null);
      channel = POST;
    }
    CaseLetters.markSent(caseScope, letterId, channel, caseClock.today().toString());
    return channel;
  }
}
