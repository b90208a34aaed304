package org.foiflow.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.springframework.stereotype.Component;

/**
 * What the review forms cannot say on their own, checked when the task completes (a refusal completes
 * nothing): an extension needs a reason and is given once; a decision needs findings, which the letter
 * gives as its reasons; an overturn in full releases everything.
 */
@Component("reviewTaskChecks")
public class ReviewTaskChecks implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CaseFile review = CaseFile.of(task);
    Map<String, String> problems = new LinkedHashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "ConductReview" -> {
        String decision = review.text("reviewDecision");
        if (InternalReview.EXTEND.equals(decision)) {
          if (review.flag("reviewExtended")) {
            problems.put("reviewDecision", "the review has already been extended to 40 working days, the longest"
                + (review.flag("reconsideration") ? " regulation 11(4) allows" : " the Code of Practice allows"));
          }
          if (blank(review.text("reviewExtensionReason"))) {
            problems.put("reviewExtensionReason", "the reason the review needs longer is required");
          }
        } else {
          if (blank(review.text("reviewFindings"))) {
            problems.put("reviewFindings", "the findings are required: the letter gives them as the reasons");
          }
          task.getExecution().setVariable("reviewOutcome", InternalReview.OUTCOME_OF_DECISION.get(decision));
        }
      }
      case "DiscloseAfterReview" -> {
        String revised = review.text("revisedOutcome");
        if (InternalReview.OVERTURN_IN_FULL.equals(review.text("reviewDecision")) && !"GRANTED_IN_FULL".equals(revised)) {
          problems.put("revisedOutcome", "the decision was overturned in full: everything asked for is released");
        }
        if ("GRANTED_IN_PART".equals(revised) && blank(review.text("stillWithheld"))) {
          problems.put("stillWithheld", "say what is still withheld and why");
        }
      }
      default -> {
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
