package org.foiflow.correspondence;

import static org.foiflow.correspondence.PostVariable.CASE_REFERENCE;
import static org.foiflow.correspondence.PostVariable.DATE_POSTED;
import static org.foiflow.correspondence.PostVariable.LETTER_CASE_ID;
import static org.foiflow.correspondence.PostVariable.LETTER_ID;
import static org.foiflow.correspondence.PostVariable.LETTER_NAME;
import static org.foiflow.correspondence.PostVariable.LETTER_WRITTEN_ON;
import static org.foiflow.correspondence.PostVariable.POSTAL_ADDRESS;
import static org.foiflow.correspondence.PostVariable.POSTED_ON;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.GivenDates;
import org.foiflow.clock.CaseClock;
import org.foiflow.drafting.LetterFormats;
import org.springframework.stereotype.Component;

/**
 * The "Print and post" task of bpmn/letter-by-post.bpmn. On create it is named after the case and the letter,
 * "Print and post – FOI-2026-00042 (response letter)". On complete (whatever the route: Tasklist, /engine-rest,
 * the Java API) the date posted must be a real day, typed as on the form (14/05/2026) or ISO, not in the future
 * and not before the letter was written, and a postal address must be given; the day is then recorded on the
 * filed letter (foi_letter_post), which the case page and the request's status show as "Posted on ...".
 */
@Component("printAndPost")
public class PrintAndPost implements TaskListener {

  static final String DATE_POSTED_LABEL = "Date posted";

  private final LettersByPost lettersByPost;
  private final CaseClock caseClock;

  public PrintAndPost(LettersByPost lettersByPost, CaseClock caseClock) {
    this.lettersByPost = lettersByPost;
    this.caseClock = caseClock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile post = CaseFile.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(task.getName() + " – " + post.text(CASE_REFERENCE) + " (" + post.text(LETTER_NAME) + ")");
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      LocalDate postedOn = checked(task.getName(), post);
      post.put(POSTED_ON, postedOn.toString());
      lettersByPost.posted(post.text(LETTER_CASE_ID), post.text(LETTER_ID), postedOn);
    }
  }

  private LocalDate checked(String taskName, CaseFile post) {
    Map<String, String> problems = new LinkedHashMap<>();
    Object given = post.value(DATE_POSTED);
    if (given instanceof SpinJsonNode json && json.isString()) {
      given = json.stringValue();
    }
    LocalDate postedOn = null;
    if (given == null || given.toString().isBlank()) {
      problems.put(DATE_POSTED.key(), "(" + DATE_POSTED_LABEL + ") is required: the day the letter was posted");
    } else if (!(given instanceof String typed)) {
      problems.put(DATE_POSTED.key(), "(" + DATE_POSTED_LABEL + ") must be " + GivenDates.TYPED_FORMATS);
    } else {
      postedOn = GivenDates.typed(DATE_POSTED.key(), typed, problems);
      if (postedOn == null) {
        problems.put(DATE_POSTED.key(), "(" + DATE_POSTED_LABEL + ") must be a real day, " + GivenDates.TYPED_FORMATS
            + ", e.g. 14/05/2026; '" + typed.strip() + "' is not");
      } else if (postedOn.isAfter(caseClock.today())) {
        problems.put(DATE_POSTED.key(), "(" + DATE_POSTED_LABEL + ") cannot be in the future: "
            + LetterFormats.INSTANCE.date(postedOn) + " is after today");
      } else if (post.date(LETTER_WRITTEN_ON) != null && postedOn.isBefore(post.date(LETTER_WRITTEN_ON))) {
        problems.put(DATE_POSTED.key(), "(" + DATE_POSTED_LABEL + ") cannot be before the letter was written, on "
            + LetterFormats.INSTANCE.date(post.date(LETTER_WRITTEN_ON)));
      }
    }
    String address = post.text(POSTAL_ADDRESS);
    if (address == null || address.isBlank()) {
      problems.put(POSTAL_ADDRESS.key(), "(Postal address) is required: where the letter was posted to");
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(taskName, problems);
    }
    return postedOn;
  }
}
