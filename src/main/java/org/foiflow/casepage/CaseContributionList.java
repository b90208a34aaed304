package org.foiflow.casepage;

import static org.foiflow.casefile.CaseVariable.CLEARANCES;
import static org.foiflow.casefile.CaseVariable.CONSULTATIONS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.foiflow.assessment.ExemptionCitation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case page's Contributions, Consultations and Clearance sections (issue 18): each business unit asked (from
 * foi_contribution, with the documents it added from its contribution page), each third party consulted (the
 * case's {@code consultations}) and each clearance step (its {@code clearances}), oldest first, in words, with UK
 * dates.
 */
@Component
public class CaseContributionList {

  private static final Map<String, String> ANSWERS = Map.of("PROVIDED", "Provided the information",
      "HANDED_BACK", "Handed back: not held by this unit");
  private static final Map<String, String> INTERESTS = Map.of("S43", "Commercial interests (s.43)",
      "S41", "Information provided in confidence (s.41)", "PERSONAL_DATA", "Personal data");
  private static final Map<String, String> VIEWS = Map.of("OBJECTS", "Objects to disclosure",
      "CONSENTS", "Consents to disclosure", "NO_REPLY", "No reply in time");
  private static final Map<String, String> STAGES = Map.of("PRESS_OFFICE", "Press office", "SENIOR", "Senior clearance");
  private static final Map<String, String> DECISIONS = Map.of("APPROVE", "Approved",
      "REQUEST_AMENDS", "Amendments requested", "SEND_BACK", "Sent back to the assessment");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;

  public CaseContributionList(JdbcTemplate jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  /** One unit's contribution; text is what it holds (or whom it suggests), shown folded when long. */
  public record Contribution(String unit, String askedOn, String dueOn, String reminded, String escalated,
                             String answeredOn, String answeredBy, String answer, String text, boolean foldText,
                             String recommendedExemptions, String hours, boolean late, boolean causedLateResponse,
                             List<String> documents) {
  }

  public record Consultation(String consultee, String interest, String details, String askedOn, String replyDueOn,
                             String view, String viewSummary, String viewReceivedOn) {
  }

  public record Clearance(String stage, String askedAt, String decidedAt, String decidedBy, String decision,
                          String comments) {
  }

  /** A text longer than this is folded under "Read", as a message's text is in the correspondence. */
  static final int FOLD_OVER = 200;

  public List<Contribution> contributions(String reference) {
    Map<String, List<String>> documents = new LinkedHashMap<>();
    jdbc.query("SELECT l.contribution_id, d.file_name FROM foi_contribution_document l"
            + " JOIN foi_document d ON d.id = l.document_id JOIN foi_contribution c ON c.id = l.contribution_id"
            + " WHERE c.reference = ? ORDER BY d.added_at",
        rs -> {
          documents.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        }, reference);
    return jdbc.query("SELECT c.id, COALESCE(u.name, c.unit_group_id), c.asked_on, c.due_on, c.reminded_at,"
            + " c.escalated_at, c.answered_at, c.answered_by, c.answer, c.what_held, c.suggestion,"
            + " c.recommended_exemptions, c.hours_spent, c.late, c.caused_late_response"
            + " FROM foi_contribution c LEFT JOIN foi_business_unit u ON u.group_id = c.unit_group_id"
            + " WHERE c.reference = ? ORDER BY c.asked_on, COALESCE(u.name, c.unit_group_id), c.id",
        (rs, n) -> {
          String answer = rs.getString("answer");
          String text = "HANDED_BACK".equals(answer) ? rs.getString("suggestion") : rs.getString("what_held");
          BigDecimal hours = rs.getBigDecimal("hours_spent");
          return new Contribution(rs.getString(2), UkTimes.day(rs.getDate("asked_on").toLocalDate()),
              UkTimes.day(rs.getDate("due_on").toLocalDate()), time(rs.getTimestamp("reminded_at")),
              time(rs.getTimestamp("escalated_at")), time(rs.getTimestamp("answered_at")), rs.getString("answered_by"),
              answer == null ? "Waiting for the unit" : ANSWERS.getOrDefault(answer, answer),
              text == null || text.isBlank() ? null : text, text != null && text.length() > FOLD_OVER,
              exemptions(rs.getString("recommended_exemptions")),
              hours == null ? null : hours.stripTrailingZeros().toPlainString(),
              rs.getBoolean("late"), rs.getBoolean("caused_late_response"),
              documents.getOrDefault(rs.getString("id"), List.of()));
        }, reference);
  }

  public List<Consultation> consultations(String processInstanceId) {
    return entries(processInstanceId, CONSULTATIONS.key()).stream().map(entry -> new Consultation(
        consultee(text(entry, "consulteeName"), text(entry, "consulteeEmail")),
        label(INTERESTS, text(entry, "interest")), text(entry, "details"), UkTimes.day(text(entry, "askedOn")),
        UkTimes.day(text(entry, "replyDueOn")), text(entry, "view") == null ? "Waiting for a reply"
            : label(VIEWS, text(entry, "view")), text(entry, "viewSummary"),
        UkTimes.day(text(entry, "viewReceivedOn")))).toList();
  }

  public List<Clearance> clearances(String processInstanceId) {
    return entries(processInstanceId, CLEARANCES.key()).stream().map(entry -> new Clearance(
        label(STAGES, text(entry, "stage")), isoTime(text(entry, "askedAt")), isoTime(text(entry, "decidedAt")),
        text(entry, "decidedBy"), text(entry, "decision") == null ? "Waiting for a decision"
            : label(DECISIONS, text(entry, "decision")), text(entry, "comments"))).toList();
  }

  /** The case-level list of maps (a Java list or JSON, as the engine stored it), oldest first. */
  private List<Map<String, Object>> entries(String processInstanceId, String name) {
    Object value = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list().stream()
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(processInstanceId))
        .map(HistoricVariableInstance::getValue).filter(found -> found != null).findFirst().orElse(null);
    List<Map<String, Object>> entries = new ArrayList<>();
    if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> map) {
          Map<String, Object> entry = new LinkedHashMap<>();
          map.forEach((key, field) -> entry.put(String.valueOf(key), field));
          entries.add(entry);
        }
      }
    } else if (value instanceof SpinJsonNode || value instanceof String) {
      try {
        entries.addAll(JSON.readValue(value.toString(), new TypeReference<List<Map<String, Object>>>() { }));
      } catch (java.io.IOException | IllegalArgumentException unreadable) {
        // not a list of entries: nothing to show rather than a broken page
      }
    }
    return entries;
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static String consultee(String name, String email) {
    return name == null ? email : email == null ? name : name + " <" + email + ">";
  }

  private static String label(Map<String, String> labels, String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }

  private static String exemptions(String codes) {
    if (codes == null || codes.isBlank()) {
      return null;
    }
    List<String> cited = new ArrayList<>();
    for (String code : codes.split(",")) {
      if (!code.isBlank()) {
        cited.add(ExemptionCitation.of(code.strip()));
      }
    }
    return String.join(", ", cited);
  }

  private static String time(Timestamp at) {
    return at == null ? null : UkTimes.time(new Date(at.getTime()));
  }

  /** An ISO timestamp as a UK time; an ISO date as a UK day; anything else as it is. */
  private static String isoTime(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return UkTimes.time(Date.from(Instant.parse(iso)));
    } catch (RuntimeException notAnInstant) {
      try {
        return UkTimes.time(Date.from(java.time.OffsetDateTime.parse(iso).toInstant()));
      } catch (RuntimeException notOffset) {
        return UkTimes.day(iso);
      }
    }
  }
}
