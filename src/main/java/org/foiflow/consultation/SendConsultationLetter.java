package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.CONSULTATION_DETAILS;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_REPLY_DUE_AT;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_REPLY_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_EMAIL;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_INTEREST;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_NAME;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.correspondence.CaseLetters;
import org.foiflow.correspondence.Correspondence;
import org.foiflow.correspondence.LetterOutbox;
import org.foiflow.drafting.CaseLetter;
import org.foiflow.drafting.DraftedLetter;
import org.foiflow.drafting.LetterDrafter;
import org.foiflow.drafting.LetterFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Send consultation letter": drafts the letter to the third party (letters/third-party-consultation.html), files it
 * with the case as a letter to them, emails it to them alone once the step commits (with its PDF, as the
 * requester's letters go), and sets when their view is due: foiflow.consultation.reply-within working days from
 * today, at the end of that day as every task's due date is (the timer fires then).
 */
@Component("sendConsultationLetter")
public class SendConsultationLetter implements JavaDelegate {

  /** The type the letter is filed under in the case's index of letters (not a response: never to the requester). */
  public static final String LETTER_TYPE = "THIRD_PARTY_CONSULTATION";
  static final String TEMPLATE = "third-party-consultation";
  static final String SUBJECT = "Request for your views on the release of information";
  private static final Logger log = LoggerFactory.getLogger(SendConsultationLetter.class);

  private final LetterDrafter drafter;
  private final LetterOutbox outbox;
  private final CaseClock clock;
  private final UkWorkingDays workingDays;
  private final ConsultationSettings settings;

  public SendConsultationLetter(LetterDrafter drafter, LetterOutbox outbox, CaseClock clock, UkWorkingDays workingDays,
                                ConsultationSettings settings) {
    this.drafter = drafter;
    this.outbox = outbox;
    this.clock = clock;
    this.workingDays = workingDays;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    String name = file.text(CONSULTEE_NAME);
    String email = file.text(CONSULTEE_EMAIL);
    String details = file.text(CONSULTATION_DETAILS);
    // the assessment's listener refused these already; a case moved here some other way is refused the same way
    Map<String, String> problems = ConsultationRequest.problems(name, email, file.text(CONSULTEE_INTEREST), details);
    if (!problems.isEmpty()) {
      throw CaseDataInvalidException.refused("Cannot send the consultation letter", problems);
    }
    ThirdPartyInterest interest = ThirdPartyInterest.of(file.text(CONSULTEE_INTEREST));
    LocalDate today = clock.today();
    LocalDate due = workingDays.addWorkingDays(today, settings.replyWithin());

    Map<String, Object> about = new HashMap<>();
    about.put("name", name.strip());
    about.put("email", email);
    about.put("interest", interest.name());
    about.put("toThem", interest.toThem());
    about.put("details", LetterFormats.INSTANCE.paragraphs(details));
    about.put("replyDueOn", LetterFormats.INSTANCE.date(due));
    about.put("replyDue", due); // the day itself, for an edition that writes dates in its own language (cy/)
    DraftedLetter letter = drafter.draftToOthers(TEMPLATE, CaseLetter.from(execution.getVariables()), about);
    String letterId = CaseLetters.fileToOthers(execution, LETTER_TYPE, letter, email);
    if (outbox.canEmail()) {
      outbox.queue(execution, letterId, file.reference() + ": " + SUBJECT);
      CaseLetters.markSent(execution, letterId, Correspondence.EMAIL, today.toString());
    } else {
      // never by post through the requester's post route: its address block is the requester's
      log.warn("No SMTP configured (spring.mail.host): consultation letter {} of {} is filed, not sent; send it by hand",
          letterId, file.reference());
    }
    file.put(CONSULTATION_REPLY_DUE_ON, due.toString());
    file.put(CONSULTATION_REPLY_DUE_AT, clock.endOf(due));
  }
}
