package org.foiflow.aggregation;

import static org.foiflow.casefile.CaseVariable.AGGREGATE_WITH;
import static org.foiflow.casefile.CaseVariable.AGGREGATION_CANDIDATES;
import static org.foiflow.casefile.CaseVariable.COST_LIMIT_POUNDS;
import static org.foiflow.casefile.CaseVariable.ESTIMATED_HOURS;
import static org.foiflow.casefile.CaseVariable.HOURLY_RATE_POUNDS;
import static org.foiflow.casefile.CaseVariable.RECEIVED_ON;
import static org.foiflow.casefile.CaseVariable.REPEAT_CANDIDATES;
import static org.foiflow.casefile.CaseVariable.REQUEST_CONTEXT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.foiflow.aggregation.RequestsInContext.Candidate;
import org.foiflow.aggregation.RequestsInContext.Context;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.CostLimit;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.requesters.RequesterHistory.OtherRequest;
import org.foiflow.similarity.SimilarRequests.Similar;
import org.springframework.stereotype.Component;

/**
 * When "Triage" is created, and again when an officer claims it (other requests may have been logged or estimated
 * since): the request in context for the officer (requestContext, Markdown at the top of the
 * form), and the requests it may be aggregated with or may repeat as the form's options, on the task only as they
 * change with other cases. aggregateWith starts (on creation only) as an empty JSON list: Tasklist sends a checklist back typed as
 * the variable it loaded.
 */
@Component("triageContext")
public class TriageContext implements TaskListener {

  private static final LetterFormats FORMAT = LetterFormats.INSTANCE;

  private final RequestsInContext requests;
  private final UkWorkingDays workingDays;
  private final CaseClock clock;

  public TriageContext(RequestsInContext requests, UkWorkingDays workingDays, CaseClock clock) {
    this.requests = requests;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseFile file = CaseFile.of(task.getExecution().getProcessInstance());
    Context context = requests.of(file.reference(), file.date(RECEIVED_ON));
    file.putLongText(REQUEST_CONTEXT, markdown(context, Cost.of(file)));
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      file.put(AGGREGATE_WITH, Spin.JSON("[]"));
    }
    task.setVariableLocal(AGGREGATION_CANDIDATES.key(), Spin.JSON(options(context.aggregation(), false)));
    task.setVariableLocal(REPEAT_CANDIDATES.key(), Spin.JSON(options(context.repeats(), true)));
  }

  /** The case's rate, limit and estimate (the estimate when triage is done again after a return). */
  record Cost(BigDecimal hourlyRate, BigDecimal limit, BigDecimal estimatedHours) {

    static Cost of(CaseFile file) {
      return new Cost(number(file.value(HOURLY_RATE_POUNDS), CostLimit.DEFAULT_HOURLY_RATE_POUNDS),
          number(file.value(COST_LIMIT_POUNDS), CostLimit.DEFAULT_LIMIT_POUNDS),
          number(file.value(ESTIMATED_HOURS), null));
    }

    private static BigDecimal number(Object value, String otherwise) {
      if (value instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      return otherwise == null ? null : new BigDecimal(otherwise);
    }
  }

  private static List<Map<String, String>> options(List<Candidate> candidates, boolean answered) {
    List<Map<String, String>> options = new ArrayList<>();
    for (Candidate c : candidates) {
      String detail = "received " + FORMAT.date(c.receivedOn()) + ", " + (answered
          ? "answered " + FORMAT.date(c.respondedOn())
          : c.estimatedHours() == null ? "not estimated yet" : FORMAT.hours(c.estimatedHours()));
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", c.reference() + " – " + (c.subject() == null ? "no subject" : c.subject())
          + " (" + detail + ")");
      option.put("value", c.reference());
      options.add(option);
    }
    return options;
  }

  String markdown(Context context, Cost cost) {
    StringBuilder md = new StringBuilder("### This request in context\n");
    md.append("\n**The requester's other requests**\n\n");
    if (context.history().isEmpty()) {
      md.append("None that we can find by their email or name.\n");
    }
    for (OtherRequest other : context.history()) {
      md.append("- ").append(link(other.reference())).append(" – ").append(text(other.subject()))
          .append(", received ").append(FORMAT.date(other.receivedOn())).append(", ")
          .append(other.outcome() == null ? "still open" : words(other.outcome()))
          .append(other.withinAggregationWindow() ? " – **within 60 working days**" : "").append('\n');
    }
    md.append("\n**Similar requests (precedent)**\n\n");
    if (context.similar().isEmpty()) {
      md.append("None found.\n");
    }
    for (Similar similar : context.similar()) {
      md.append("- ").append(link(similar.reference())).append(" – ")
          .append(Math.round(similar.similarity() * 100)).append("% alike, received ")
          .append(FORMAT.date(similar.receivedOn())).append(", ")
          .append(similar.outcome() == null ? "still open" : words(similar.outcome()))
          .append(similar.exemptions().isEmpty() ? "" : ", exemptions " + String.join(", ", similar.exemptions()))
          .append(similar.sameRequester() ? " (same requester)" : "").append('\n');
    }
    md.append("\n**May be aggregated for the cost limit (s.12, Fees Regulations 2004 reg 5)**\n\n");
    if (context.aggregation().isEmpty()) {
      md.append("None: no request from this requester, or similar request from others, within 60 working days.\n");
    } else {
      BigDecimal hours = cost.estimatedHours() == null ? BigDecimal.ZERO : cost.estimatedHours();
      boolean unknown = false;
      for (Candidate c : context.aggregation()) {
        md.append("- ").append(link(c.reference())).append(" – ").append(text(c.subject()))
            .append(", received ").append(FORMAT.date(c.receivedOn())).append(", ")
            .append(c.sameRequester() ? "same requester" : "another requester")
            .append(requests.similarInformation(c) ? ", similar information"
                : ": check that it asks for the same or similar information")
            .append(", ").append(c.estimatedHours() == null ? "not estimated yet" : FORMAT.hours(c.estimatedHours()))
            .append('\n');
        if (c.estimatedHours() == null) {
          unknown = true;
        } else {
          hours = hours.add(c.estimatedHours());
        }
      }
      BigDecimal combined = hours.multiply(cost.hourlyRate());
      md.append("\nEstimated combined cost if all are aggregated: ")
          .append(cost.estimatedHours() == null ? "this request's estimate (not made yet) plus " : "")
          .append(FORMAT.hours(hours)).append(" × ").append(FORMAT.money(cost.hourlyRate())).append(" = ")
          .append(FORMAT.money(combined)).append(", against the limit of ").append(FORMAT.money(cost.limit()))
          .append(combined.compareTo(cost.limit()) > 0 ? " – **over the limit**" : "")
          .append(unknown ? " (requests not estimated yet count as nothing)" : "").append(".\n");
    }
    md.append("\n**May repeat an answered request (s.14(2))**\n\n");
    if (context.repeats().isEmpty()) {
      md.append("None.\n");
    }
    LocalDate today = clock.today();
    for (Candidate c : context.repeats()) {
      md.append("- ").append(link(c.reference())).append(" – ").append(text(c.subject()))
          .append(", received ").append(FORMAT.date(c.receivedOn())).append(", answered ")
          .append(FORMAT.date(c.respondedOn())).append(" (")
          .append(c.respondedOn().isAfter(today) ? 0 : workingDays.workingDaysBetween(c.respondedOn(), today))
          .append(" working days ago), ").append(Math.round(c.similarity() * 100)).append("% alike\n");
    }
    return md.toString();
  }

  private static String link(String reference) {
    return "[" + reference + "](/cases/" + reference + ")";
  }

  /** Free text in a Markdown line: no line breaks, no characters that would start a link or emphasis. */
  private static String text(String value) {
    return value == null ? "no subject" : value.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
  }

  /** GRANTED_IN_FULL as "granted in full". */
  private static String words(String code) {
    return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
