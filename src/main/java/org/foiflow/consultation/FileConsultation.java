package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.CONSULTATIONS;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_DETAILS;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_REPLY_DUE_AT;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_REPLY_DUE_ON;
import static org.foiflow.casefile.CaseVariable.CONSULTATION_SUMMARY;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_EMAIL;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_INTEREST;
import static org.foiflow.casefile.CaseVariable.CONSULTEE_NAME;
import static org.foiflow.casefile.CaseVariable.CONSULT_THIRD_PARTY;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_SUMMARY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.foiflow.casefile.CaseFile;
import org.foiflow.clock.CaseClock;
import org.foiflow.correspondence.CaseLetters;
import org.foiflow.drafting.LetterFormats;
import org.springframework.stereotype.Component;

/**
 * "File the third party's view": adds the consultation to the case's consultations (consultee, interest, what they
 * were asked, when, the view), writes consultationSummary in words for the next assessment, and clears the
 * consultation's fields (consultThirdParty false), so the officer assesses again knowing the view and a second
 * consultation starts blank.
 */
@Component("fileConsultation")
public class FileConsultation implements JavaDelegate {

  private final CaseClock clock;

  public FileConsultation(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = CaseFile.of(execution);
    List<Map<String, Object>> consultations = consultations(file.value(CONSULTATIONS));
    Map<String, Object> letter = lastConsultationLetter(execution);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("consulteeName", file.text(CONSULTEE_NAME));
    entry.put("consulteeEmail", file.text(CONSULTEE_EMAIL));
    entry.put("interest", file.text(CONSULTEE_INTEREST));
    entry.put("details", file.text(CONSULTATION_DETAILS));
    entry.put("askedOn", letter == null ? clock.today().toString() : askedOn(letter.get("draftedAt")));
    entry.put("replyDueOn", file.text(CONSULTATION_REPLY_DUE_ON));
    entry.put("view", file.text(THIRD_PARTY_VIEW));
    entry.put("viewSummary", file.text(THIRD_PARTY_VIEW_SUMMARY));
    entry.put("viewReceivedOn", file.text(THIRD_PARTY_VIEW_RECEIVED_ON));
    entry.put("letterId", letter == null ? null : letter.get("id"));
    consultations.add(entry);
    file.put(CONSULTATIONS, consultations);
    file.put(CONSULTATION_SUMMARY, summary(consultations));
    file.put(CONSULT_THIRD_PARTY, false);
    for (var done : List.of(CONSULTEE_NAME, CONSULTEE_EMAIL, CONSULTEE_INTEREST, CONSULTATION_DETAILS,
        CONSULTATION_REPLY_DUE_ON, CONSULTATION_REPLY_DUE_AT, THIRD_PARTY_VIEW, THIRD_PARTY_VIEW_SUMMARY,
        THIRD_PARTY_VIEW_RECEIVED_ON)) {
      file.remove(done);
    }
  }

  /** The consultations in words, one paragraph each, UK dates: what the assessment form shows. */
  static String summary(List<Map<String, Object>> consultations) {
    List<String> paragraphs = new ArrayList<>();
    for (Map<String, Object> consultation : consultations) {
      ThirdPartyInterest interest = ThirdPartyInterest.of(text(consultation.get("interest")));
      StringBuilder said = new StringBuilder("Consulted ").append(text(consultation.get("consulteeName")));
      if (interest != null) {
        said.append(" (").append(interest.aboutThem()).append(")");
      }
      said.append(" on ").append(day(consultation.get("askedOn")));
      if (consultation.get("details") != null) {
        said.append(" about: ").append(text(consultation.get("details")).strip());
      }
      said.append(". ");
      String view = text(consultation.get("view"));
      if (ThirdPartyViews.OBJECTS.equals(view)) {
        said.append("They objected to disclosure (reply received ").append(day(consultation.get("viewReceivedOn")))
            .append("): ");
      } else if (ThirdPartyViews.CONSENTS.equals(view)) {
        said.append("They consented to disclosure (reply received ").append(day(consultation.get("viewReceivedOn")))
            .append("): ");
      } else {
        said.append("They did not reply by ").append(day(consultation.get("replyDueOn"))).append(". ");
      }
      if (!ThirdPartyViews.NO_REPLY.equals(view) && consultation.get("viewSummary") != null) {
        said.append(text(consultation.get("viewSummary")).strip());
      }
      paragraphs.add(said.toString().strip());
    }
    return String.join("\n\n", paragraphs);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> consultations(Object stored) {
    List<Map<String, Object>> consultations = new ArrayList<>();
    if (stored instanceof List<?> list) {
      list.forEach(item -> consultations.add(new LinkedHashMap<>((Map<String, Object>) item)));
    }
    return consultations;
  }

  /** The consultation letter this consultation sent: the last one filed; null when none was. */
  static Map<String, Object> lastConsultationLetter(org.camunda.bpm.engine.delegate.VariableScope caseScope) {
    Map<String, Object> last = null;
    for (Map<String, Object> letter : CaseLetters.list(caseScope)) {
      if (SendConsultationLetter.LETTER_TYPE.equals(letter.get("type"))) {
        last = letter;
      }
    }
    return last;
  }

  private String askedOn(Object draftedAt) {
    return draftedAt == null ? clock.today().toString()
        : LocalDate.ofInstant(Instant.parse(draftedAt.toString()), clock.zone()).toString();
  }

  private static String day(Object iso) {
    return iso == null ? "an unrecorded day" : LetterFormats.INSTANCE.date(LocalDate.parse(iso.toString()));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
