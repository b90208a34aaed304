package org.foiflow.consultation;

import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.THIRD_PARTY_VIEW_SUMMARY;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.GivenDates;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.LetterFormats;
import org.springframework.stereotype.Component;

/**
 * The rules of "Record third party's view" (complete listener), on every route: the view is OBJECTS or CONSENTS
 * (no reply is the timer's to record), what they said is required, and the day it came is a real day, not in the
 * future. The form's date field (typed 14/05/2026) is kept as ISO by the form check before this runs.
 */
@Component("thirdPartyViewRules")
public class ThirdPartyViewRules implements TaskListener {

  static final Set<String> VIEWS = Set.of(ThirdPartyViews.OBJECTS, ThirdPartyViews.CONSENTS);

  private final CaseClock clock;

  public ThirdPartyViewRules(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    Map<String, String> problems = new LinkedHashMap<>();
    String view = file.text(THIRD_PARTY_VIEW);
    if (view == null || view.isBlank()) {
      problems.put(THIRD_PARTY_VIEW.key(), "is required: " + String.join(" or ", ThirdPartyViews.OBJECTS,
          ThirdPartyViews.CONSENTS));
    } else if (!VIEWS.contains(view.strip())) {
      problems.put(THIRD_PARTY_VIEW.key(), "'" + view.strip() + "' is not one of " + ThirdPartyViews.OBJECTS + ", "
          + ThirdPartyViews.CONSENTS);
    }
    String summary = file.text(THIRD_PARTY_VIEW_SUMMARY);
    if (summary == null || summary.isBlank()) {
      problems.put(THIRD_PARTY_VIEW_SUMMARY.key(), "is required: what the third party said, and why");
    }
    String received = file.text(THIRD_PARTY_VIEW_RECEIVED_ON);
    if (received == null || received.isBlank()) {
      problems.put(THIRD_PARTY_VIEW_RECEIVED_ON.key(), "is required: the day their reply came, e.g. 14/05/2026");
    } else {
      LocalDate day = GivenDates.typed(THIRD_PARTY_VIEW_RECEIVED_ON.key(), received, problems);
      String problem = day == null ? null : GivenDates.happenedProblem(day, clock.today());
      LocalDate asked = askedOn(task);
      if (problem == null && day != null && asked != null && day.isBefore(asked)) {
        problem = "cannot be before " + LetterFormats.INSTANCE.date(asked) + ", when we wrote to them";
      }
      if (problem != null) {
        problems.put(THIRD_PARTY_VIEW_RECEIVED_ON.key(), problem);
      } else if (day != null) {
        file.put(THIRD_PARTY_VIEW_RECEIVED_ON, day.toString());
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
    file.put(THIRD_PARTY_VIEW, view.strip());
  }

  /** The London day the consultation letter was written, or null when the case has none. */
  private LocalDate askedOn(DelegateTask task) {
    Map<String, Object> letter = FileConsultation.lastConsultationLetter(task.getExecution());
    Object draftedAt = letter == null ? null : letter.get("draftedAt");
    return draftedAt == null ? null : LocalDate.ofInstant(java.time.Instant.parse(draftedAt.toString()), clock.zone());
  }
}
