package org.foiflow.aggregation;

import static org.foiflow.casefile.CaseVariable.AGGREGATED_HOURS;
import static org.foiflow.casefile.CaseVariable.AGGREGATED_REQUESTS;
import static org.foiflow.casefile.CaseVariable.AGGREGATE_WITH;
import static org.foiflow.casefile.CaseVariable.ESTIMATED_HOURS;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REPEATED_REQUEST;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF_ANSWERED_ON;
import static org.foiflow.casefile.CaseVariable.REPEAT_OF_RECEIVED_ON;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.foiflow.aggregation.RequestsInContext.Candidate;
import org.foiflow.aggregation.RequestsInContext.Context;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.TaskActor;
import org.foiflow.links.CaseLinks;
import org.foiflow.links.LinkKind;
import org.foiflow.requesters.RequesterHistory.OtherRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When "Triage" completes, by any door (Tasklist, the REST API, the Java API): the requests aggregated with this
 * one must be among those offered now (reg 5: the same requester, or others for similar information, within 60
 * working days), and the request it repeats must be an answered request of the same requester, given only for a
 * repeated request (optional: the earlier one may predate foiflow). Then the aggregated estimates are added up
 * (aggregatedHours, 0 for none, which the triage-route DMN adds to this estimate), this estimate is kept on the
 * case's row for later aggregations, and the links are recorded.
 */
@Component("triageLinks")
public class TriageLinks implements TaskListener {

  private final RequestsInContext requests;
  private final CaseLinks links;
  private final JdbcTemplate jdbc;

  public TriageLinks(RequestsInContext requests, CaseLinks links, JdbcTemplate jdbc) {
    this.requests = requests;
    this.links = links;
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task);
    String reference = file.reference();
    Context context = requests.of(reference, file.date(RECEIVED_ON));
    Map<String, String> problems = new LinkedHashMap<>();

    List<String> chosen = new ArrayList<>(new LinkedHashSet<>(file.codes(AGGREGATE_WITH)));
    List<Candidate> aggregated = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String other : chosen) {
      Optional<Candidate> candidate = context.aggregationCandidate(other);
      if (other.equals(reference)) {
        problems.put(AGGREGATE_WITH.key(), "a request cannot be aggregated with itself");
      } else if (candidate.isEmpty()) {
        refused.add(other);
      } else {
        aggregated.add(candidate.get());
      }
    }
    if (!refused.isEmpty()) {
      problems.put(AGGREGATE_WITH.key(), String.join(", ", refused) + (refused.size() == 1 ? " is" : " are")
          + " not a request this one can be aggregated with: choose from the form's list (the same requester's,"
          + " or similar requests from others, received within 60 working days)");
    }

    String repeatOf = file.text(REPEAT_OF);
    repeatOf = repeatOf == null || repeatOf.isBlank() ? null : repeatOf.strip();
    OtherRequest repeated = null;
    if (repeatOf != null) {
      String earlier = repeatOf;
      repeated = context.history().stream().filter(o -> o.reference().equals(earlier)).findFirst().orElse(null);
      if (!file.flag(REPEATED_REQUEST)) {
        problems.put(REPEAT_OF.key(), "only for a repeated request (s.14(2)): tick it, or leave this empty");
      } else if (repeated == null) {
        problems.put(REPEAT_OF.key(), repeatOf + " is not an earlier request of the same requester");
      } else if (repeated.respondedOn() == null) {
        problems.put(REPEAT_OF.key(), repeatOf + " has not been answered yet: a repeat is of an answered request");
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseDataInvalidException(task.getName(), problems);
    }

    String officer = TaskActor.of(task);
    forgetDropped(reference, aggregated.stream().map(Candidate::reference).toList(),
        repeated == null ? null : repeated.reference());
    BigDecimal hours = BigDecimal.ZERO;
    List<Map<String, Object>> named = new ArrayList<>();
    for (Candidate c : aggregated) {
      hours = hours.add(c.estimatedHours() == null ? BigDecimal.ZERO : c.estimatedHours());
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("reference", c.reference());
      request.put("subject", c.subject());
      request.put("receivedOn", c.receivedOn().toString());
      request.put("estimatedHours", c.estimatedHours() == null ? null : c.estimatedHours().doubleValue());
      named.add(request);
      links.link(reference, c.reference(), LinkKind.AGGREGATED_WITH, officer, null);
    }
    CaseFile caseFile = CaseFile.of(task.getExecution().getProcessInstance());
    caseFile.put(AGGREGATED_HOURS, hours.doubleValue());
    caseFile.put(AGGREGATED_REQUESTS, Spin.JSON(named));
    caseFile.put(AGGREGATE_WITH, chosen);
    if (repeated != null) {
      links.link(reference, repeated.reference(), LinkKind.REPEAT_OF, officer, null);
      caseFile.put(REPEAT_OF_RECEIVED_ON, repeated.receivedOn().toString());
      caseFile.put(REPEAT_OF_ANSWERED_ON, repeated.respondedOn().toString());
    } else {
      caseFile.remove(REPEAT_OF_RECEIVED_ON);
      caseFile.remove(REPEAT_OF_ANSWERED_ON);
    }
    Object estimate = file.value(ESTIMATED_HOURS);
    jdbc.update("UPDATE foi_case SET estimated_hours = ? WHERE reference = ?",
        estimate instanceof Number n ? new BigDecimal(n.toString()) : null, reference);
  }

  /**
   * A case triaged again (back from clarification) keeps only the aggregation and repeat the officer chose this
   * time: links this case recorded before and no longer chosen go. Links other cases recorded to it stay.
   */
  private void forgetDropped(String reference, List<String> aggregated, String repeatOf) {
    for (CaseLinks.Link link : links.of(reference)) {
      boolean dropped = link.recordedHere()
          && (link.kind() == LinkKind.AGGREGATED_WITH && !aggregated.contains(link.linkedReference())
              || link.kind() == LinkKind.REPEAT_OF && !link.linkedReference().equals(repeatOf));
      if (dropped) {
        links.unlink(reference, link.linkedReference(), link.kind());
      }
    }
  }
}
