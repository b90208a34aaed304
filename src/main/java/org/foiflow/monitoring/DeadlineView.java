package org.foiflow.monitoring;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foiflow.casefile.ClockSettings;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.DeadlineStatus;
import org.foiflow.clock.StatutoryClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.search.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The manager's deadline view over the case index: open cases with their stage, assignee, due date,
 * working days remaining and status. Status filters become date ranges on the indexed due date, so one
 * query answers however many cases are open; the working-day arithmetic runs only for the page shown.
 */
@Component
public class DeadlineView {

  public record Row(String reference, String stage, String assignee, String regime, LocalDate receivedOn,
                    LocalDate dueOn, int workingDaysRemaining, DeadlineStatus status, String clockPausedReason,
                    String subject, String requesterName, String due) {
  }

  public record Page(Map<DeadlineStatus, Long> counts, long total, List<Row> cases) {
  }

  /**
   * A business unit's open contribution (issue 18) with its internal deadline: late once the day is past or the unit
   * was escalated to its manager; workingDaysLate counts the working days since the internal deadline.
   */
  public record InternalDeadline(String contributionId, String reference, String subject, String unit, String unitName,
                                 LocalDate askedOn, LocalDate dueOn, String due, int workingDaysLate, boolean late,
                                 Instant remindedAt, Instant escalatedAt) {
  }

  /** The units that have open contributions (for the filter), and the open contributions, soonest due first. */
  public record InternalDeadlines(List<Unit> units, long late, List<InternalDeadline> contributions) {
  }

  public record Unit(String group, String name, long open, long late) {
  }

  public enum Sort {
    dueOn("due_on"), reference("reference"), receivedOn("received_on"), stage("stage"), assignee("assignee");

    final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  /** As the case search: more words than this narrow nothing further and only slow the query. */
  static final int MAX_SEARCH_WORDS = 10;

  private final JdbcTemplate jdbc;
  private final StatutoryClock statutoryClock;
  private final UkWorkingDays workingDays;
  private final CaseClock caseClock;
  private final int atRiskWorkingDays;

  public DeadlineView(JdbcTemplate jdbc, StatutoryClock statutoryClock, UkWorkingDays workingDays,
                      CaseClock caseClock, ClockSettings settings) {
    this.jdbc = jdbc;
    this.statutoryClock = statutoryClock;
    this.workingDays = workingDays;
    this.caseClock = caseClock;
    this.atRiskWorkingDays = settings.atRiskWorkingDays();
  }

  /** Every open case, or those whose words (reference, requester, subject, request) or officer match {@code q}. */
  public Page open(DeadlineStatus status, Sort sort, boolean descending, int page, int size) {
    return open(null, status, sort, descending, page, size);
  }

  public Page open(String q, DeadlineStatus status, Sort sort, boolean descending, int page, int size) {
    List<Object> searchArgs = new ArrayList<>();
    String matching = matching(q, searchArgs);
    LocalDate today = caseClock.today();
    // The last due date that is still "at risk": at most atRiskWorkingDays working days from today.
    LocalDate atRiskUntil = workingDays.addWorkingDays(today, atRiskWorkingDays);
    Date todaySql = Date.valueOf(today);
    Date atRiskSql = Date.valueOf(atRiskUntil);

    Map<DeadlineStatus, Long> counts = new LinkedHashMap<>();
    jdbc.query("SELECT"
            + " SUM(CASE WHEN clock = 'PAUSED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN clock <> 'PAUSED' AND due_on < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN clock <> 'PAUSED' AND due_on >= ? AND due_on <= ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN clock <> 'PAUSED' AND due_on > ? THEN 1 ELSE 0 END)"
            + " FROM foi_case WHERE closed_on IS NULL" + matching,
        rs -> {
          counts.put(DeadlineStatus.ON_TRACK, rs.getLong(4));
          counts.put(DeadlineStatus.AT_RISK, rs.getLong(3));
          counts.put(DeadlineStatus.OVERDUE, rs.getLong(2));
          counts.put(DeadlineStatus.PAUSED, rs.getLong(1));
        }, concat(List.of(todaySql, todaySql, atRiskSql, atRiskSql), searchArgs));

    List<Object> args = new ArrayList<>(searchArgs);
    StringBuilder where = new StringBuilder(" WHERE closed_on IS NULL" + matching);
    if (status != null) {
      switch (status) {
        case PAUSED -> where.append(" AND clock = 'PAUSED'");
        case OVERDUE -> {
          where.append(" AND clock <> 'PAUSED' AND due_on < ?");
          args.add(todaySql);
        }
        case AT_RISK -> {
          where.append(" AND clock <> 'PAUSED' AND due_on >= ? AND due_on <= ?");
          args.add(todaySql);
          args.add(atRiskSql);
        }
        case ON_TRACK -> {
          where.append(" AND clock <> 'PAUSED' AND due_on > ?");
          args.add(atRiskSql);
        }
      }
    }
    long total = status == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(status);
    args.add(size);
    args.add((long) page * size);
    List<Row> rows = jdbc.query("SELECT reference, stage, assignee, regime, received_on, due_on, clock,"
            + " clock_paused_reason, subject, requester_name FROM foi_case" + where
            // closed_on is NULL on every row here: leading with it lets PostgreSQL read the first page in order
            // off the index (closed_on, due_on, reference) instead of sorting every open case
            + " ORDER BY closed_on, " + sort.column + (descending ? " DESC" : " ASC") + ", reference ASC LIMIT ? OFFSET ?",
        (rs, n) -> {
          LocalDate due = rs.getDate("due_on").toLocalDate();
          boolean paused = CaseClock.PAUSED.equals(rs.getString("clock"));
          return new Row(rs.getString("reference"), rs.getString("stage"), rs.getString("assignee"),
              rs.getString("regime"), rs.getDate("received_on").toLocalDate(), due,
              statutoryClock.workingDaysRemaining(due, today),
              statutoryClock.status(due, today, atRiskWorkingDays, paused), rs.getString("clock_paused_reason"),
              rs.getString("subject"), rs.getString("requester_name"),
              DueInWords.of(due, today, statutoryClock.workingDaysRemaining(due, today), paused));
        }, args.toArray());
    return new Page(counts, total, rows);
  }

  /**
   * The open contributions' internal deadlines, of one unit or of all (unit null), late ones counted; the statutory
   * deadlines above are not touched by them.
   */
  public InternalDeadlines internalDeadlines(String unit) {
    LocalDate today = caseClock.today();
    Date todaySql = Date.valueOf(today);
    List<Unit> units = jdbc.query("SELECT c.unit_group_id, COALESCE(u.name, c.unit_group_id), COUNT(*),"
            + " SUM(CASE WHEN c.due_on < ? OR c.late THEN 1 ELSE 0 END)"
            + " FROM foi_contribution c LEFT JOIN foi_business_unit u ON u.group_id = c.unit_group_id"
            + " WHERE c.answered_at IS NULL GROUP BY c.unit_group_id, u.name ORDER BY 2",
        (rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), todaySql);
    List<Object> args = new ArrayList<>();
    String ofUnit = "";
    if (unit != null) {
      ofUnit = " AND c.unit_group_id = ?";
      args.add(unit);
    }
    List<InternalDeadline> open = jdbc.query("SELECT c.id, c.reference, k.subject, c.unit_group_id,"
            + " COALESCE(u.name, c.unit_group_id), c.asked_on, c.due_on, c.late, c.reminded_at, c.escalated_at"
            + " FROM foi_contribution c LEFT JOIN foi_business_unit u ON u.group_id = c.unit_group_id"
            + " LEFT JOIN foi_case k ON k.reference = c.reference"
            // a case closed or withdrawn meanwhile has no unit left to chase
            + " WHERE c.answered_at IS NULL AND (k.closed_on IS NULL)" + ofUnit
            + " ORDER BY c.due_on, c.reference, 5",
        (rs, n) -> {
          LocalDate due = rs.getDate("due_on").toLocalDate();
          int remaining = workingDays.workingDaysBetween(today, due);
          int workingDaysLate = today.isAfter(due) ? Math.max(0, -remaining) : 0;
          java.sql.Timestamp reminded = rs.getTimestamp("reminded_at");
          java.sql.Timestamp escalated = rs.getTimestamp("escalated_at");
          return new InternalDeadline(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getDate("asked_on").toLocalDate(), due, DueInWords.of(due, today, remaining, false),
              workingDaysLate, today.isAfter(due) || rs.getBoolean("late"),
              reminded == null ? null : reminded.toInstant(), escalated == null ? null : escalated.toInstant());
        }, args.toArray());
    return new InternalDeadlines(units, open.stream().filter(InternalDeadline::late).count(), open);
  }

  /**
   * The search box: every word typed must start a word of the case's search text (the case search's own words:
   * reference, requester name and email, subject, request) or the officer's user name. Server-side, because the
   * page shows one page of the open caseload at a time and a filter in the browser would miss the other pages.
   */
  private static String matching(String q, List<Object> args) {
    StringBuilder matching = new StringBuilder();
    for (String word : SearchText.words(q).stream().limit(MAX_SEARCH_WORDS).toList()) {
      matching.append(" AND (search_text LIKE ? OR LOWER(assignee) LIKE ?)");
      args.add("% " + word + "%");
      args.add(word + "%");
    }
    return matching.toString();
  }

  private static Object[] concat(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return all.toArray();
  }
}
