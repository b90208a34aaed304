package org.foiflow.review;

import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;
import static org.foiflow.review.ReviewVariable.LATE_REQUEST;
import static org.foiflow.review.ReviewVariable.RECONSIDERATION;
import static org.foiflow.review.ReviewVariable.REVIEW_COMPLETED_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_DUE_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_EXTENDED;
import static org.foiflow.review.ReviewVariable.REVIEW_LIMIT_ON;
import static org.foiflow.review.ReviewVariable.REVIEW_OUTCOME;
import static org.foiflow.review.ReviewVariable.REVIEW_RECEIVED_ON;
import static org.foiflow.review.ReviewVariable.REVISED_OUTCOME;
import static org.foiflow.review.ReviewVariable.WORKING_DAYS_SINCE_RESPONSE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.UnknownCaseException;
import org.foiflow.correspondence.FiledLetter;
import org.foiflow.correspondence.FiledLetters;
import org.foiflow.intake.RequestStatus;
import org.foiflow.intake.RequestStatusQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/requests/{reference}/review: the requester asked for an internal review (EIR: reconsideration) of
 * a closed case; GET shows the latest review of the case, its dates, stage and outcome.
 */
@RestController
public class ReviewController {

  public record ReviewRequest(LocalDate receivedOn,
                              @NotBlank(message = "the requester's grounds for the review are required")
                              @Size(max = 20000, message = "at most 20000 characters") String grounds) {
  }

  private static final String[] SHOWN = {REVIEW_RECEIVED_ON.key(), LATE_REQUEST.key(), WORKING_DAYS_SINCE_RESPONSE.key(), REVIEW_DUE_ON.key(),
      REVIEW_LIMIT_ON.key(), REVIEW_EXTENDED.key(), RECONSIDERATION.key(), REGIME.key(), RESPONDED_ON.key(), REVIEW_OUTCOME.key(), REVISED_OUTCOME.key(),
      REVIEW_COMPLETED_ON.key()};

  private final ReviewRequests reviewRequests;
  private final HistoryService historyService;
  private final RequestStatusQuery statusQuery;
  private final FiledLetters filedLetters;

  public ReviewController(ReviewRequests reviewRequests, HistoryService historyService,
                          RequestStatusQuery statusQuery, FiledLetters filedLetters) {
    this.reviewRequests = reviewRequests;
    this.historyService = historyService;
    this.statusQuery = statusQuery;
    this.filedLetters = filedLetters;
  }

  @PostMapping("/api/requests/{reference}/review")
  public ResponseEntity<ReviewStatus> ask(@PathVariable String reference, @Valid @RequestBody ReviewRequest body) {
    ProcessInstance started = reviewRequests.ask(reference, body.receivedOn(), body.grounds());
    return ResponseEntity.created(URI.create("/api/requests/" + reference + "/review")).body(describe(reference, started.getId()));
  }

  @GetMapping("/api/requests/{reference}/review")
  public ReviewStatus latest(@PathVariable String reference) {
    return describe(reference, latestReview(reference));
  }

  /** The latest review's letters (acknowledgement, outcome), each as HTML or PDF, like the case's own. */
  @GetMapping("/api/requests/{reference}/review/letters")
  public List<FiledLetter> letters(@PathVariable String reference) {
    return filedLetters.index(latestReview(reference), "/api/requests/" + reference + "/review/letters");
  }

  @GetMapping("/api/requests/{reference}/review/letters/{id}.html")
  public ResponseEntity<byte[]> letterHtml(@PathVariable String reference, @PathVariable String id) {
    return filedLetters.html(latestReview(reference), id, reference + " review");
  }

  @GetMapping("/api/requests/{reference}/review/letters/{id}.pdf")
  public ResponseEntity<byte[]> letterPdf(@PathVariable String reference, @PathVariable String id) {
    return filedLetters.pdf(latestReview(reference), id, reference + " review");
  }

  private String latestReview(String reference) {
    List<HistoricProcessInstance> reviews = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(InternalReview.PROCESS_KEY).processInstanceBusinessKey(reference)
        .orderByProcessInstanceStartTime().desc().list();
    if (reviews.isEmpty()) {
      throw new UnknownCaseException(reference + " review");
    }
    return reviews.get(0).getId();
  }

  private ReviewStatus describe(String reference, String reviewId) {
    Map<String, Object> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(reviewId).variableNameIn(SHOWN).list()
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    // from history, so the stage shows to whoever may read the review, without reading its tasks
    List<String> stage = historyService.createHistoricTaskInstanceQuery().processInstanceId(reviewId).unfinished()
        .list().stream().map(HistoricTaskInstance::getTaskDefinitionKey).toList();
    return ReviewStatus.of(reference, reviewId, values, stage);
  }
}
