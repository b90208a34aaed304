package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.CONSULTATION_DETAILS;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_EMAIL;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_INTEREST;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_NAME;
import static org.foiflow.casefile.CaseVariable.CONSULT_THIRD_PARTY;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * "Assess exemptions" asks afresh on every pass whether to consult a third party: a consultation already filed is
 * in consultations, so the assessment goes on unless the officer asks for another. When the officer asks for one,
 * the completion is refused (whatever the route: Tasklist, the REST API, Java) unless it says who is consulted,
 * where the letter goes, which interest of theirs disclosure touches and what they are asked about.
 */
@Component("consultationRequest")
public class ConsultationRequest implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      CaseFile.of(task.getExecution().getProcessInstance()).put(CONSULT_THIRD_PARTY, false);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      CaseFile file = CaseFile.of(task);
      if (!file.flag(CONSULT_THIRD_PARTY)) {
        return;
      }
      Map<String, String> problems = problems(file.text(CONSULTEE_NAME), file.text(CONSULTEE_EMAIL),
          file.text(CONSULTEE_INTEREST), file.text(CONSULTATION_DETAILS));
      if (!problems.isEmpty()) {
        throw new CaseDataInvalidException(task.getName(), problems);
      }
      // kept as the letter and the filed consultation will read them
      file.put(CONSULTEE_INTEREST, file.text(CONSULTEE_INTEREST).strip());
      file.put(CONSULTEE_EMAIL, file.text(CONSULTEE_EMAIL).strip());
    }
  }

  /** What is wrong with a consultation as asked for, each problem under its field; empty when it can be sent. */
  static Map<String, String> problems(String name, String email, String interest, String details) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (blank(name)) {
      problems.put(CONSULTEE_NAME.key(), "is required when a third party is consulted: who is consulted");
    }
    if (blank(email)) {
      problems.put(CONSULTEE_EMAIL.key(), "is required when a third party is consulted: the letter is emailed");
    } else if (!isEmailAddress(email.strip())) {
      problems.put(CONSULTEE_EMAIL.key(), "is not an email address");
    }
    if (blank(interest)) {
      problems.put(CONSULTEE_INTEREST.key(), "is required when a third party is consulted: "
          + ThirdPartyInterest.choices());
    } else if (ThirdPartyInterest.of(interest) == null) {
      problems.put(CONSULTEE_INTEREST.key(), "'" + interest.strip() + "' is not one of " + ThirdPartyInterest.choices());
    }
    if (blank(details)) {
      problems.put(CONSULTATION_DETAILS.key(), "is required when a third party is consulted: what they are asked about");
    }
    return problems;
  }

  /** One plain address (no display name), as the outbox sends to it, with a dot in its domain. */
  static boolean isEmailAddress(String email) {
    try {
      InternetAddress address = new InternetAddress(email, true);
      String domain = address.getAddress().substring(address.getAddress().indexOf('@') + 1);
      return address.getPersonal() == null && email.equals(address.getAddress()) && domain.contains(".")
          && !domain.startsWith(".") && !domain.endsWith(".");
    } catch (AddressException | StringIndexOutOfBoundsException notAnAddress) {
      return false;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
