package org.foiflow.review;

import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.review.ReviewVariable.RECONSIDERATION;
import static org.foiflow.review.ReviewVariable.REVIEW_DECISION;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENSION_REASON;
import static org.foiflow.review.ReviewVariable.REVIEW_FINDINGS;
import static org.foiflow.review.ReviewVariable.REVIEW_OUTCOME;
import static org.foiflow.review.ReviewVariable.REVISED_OUTCOME;
import static org.foiflow.review.ReviewVariable.STILL_WITHHELD;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.Regime;
import org.springframework.stereotype.Component;

/**
 * What the review forms cannot say on their own, checked when the task completes (a refusal completes
 * nothing): an extension needs a reason and is given once, and never to a Scottish statutory review (FOISA s.21(1),
 * EISR reg 16(4)); a decision needs findings, which the letter
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
        String decision = review.text(REVIEW_DECISION);
        Regime regime = Regime.parse(review.text(REGIME));
        if (InternalReview.EXTEND.equals(decision) && StatutoryReview.applies(regime)) {
          problems.put(REVIEW_DECISION.key(), StatutoryReview.noExtension(regime));
        } else if (InternalReview.EXTEND.equals(decision)) {
          if (review.flag(REVIEW_EXTENDED)) {
            problems.put(REVIEW_DECISION.key(), "the review has already been extended to 40 working days, the longest"
                + (review.flag(RECONSIDERATION) ? " regulation 11(4) allows" : " the Code of Practice allows"));
          }
          if (blank(review.text(REVIEW_EXTENSION_REASON))) {
            problems.put(REVIEW_EXTENSION_REASON.key(), "the reason the review needs longer is required");
          }
        } else {
          if (blank(review.text(REVIEW_FINDINGS))) {
            problems.put(REVIEW_FINDINGS.key(), "the findings are required: the letter gives them as the reasons");
          }
          CaseFile.of(task.getExecution()).put(REVIEW_OUTCOME, InternalReview.OUTCOME_OF_DECISION.get(decision));
        }
      }
      case "DiscloseAfterReview" -> {
        String revised = review.text(REVISED_OUTCOME);
        if (InternalReview.OVERTURN_IN_FULL.equals(review.text(REVIEW_DECISION)) && !"GRANTED_IN_FULL".equals(revised)) {
          problems.put(REVISED_OUTCOME.key(), "the decision was overturned in full: everything asked for is released");
        }
        if ("GRANTED_IN_PART".equals(revised) && blank(review.text(STILL_WITHHELD))) {
          problems.put(STILL_WITHHELD.key(), "say what is still withheld and why");
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
