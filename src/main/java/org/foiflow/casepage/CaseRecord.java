package org.foiflow.casepage;

import java.util.List;
/**
 * Everything the case page shows of one FOI case, already in words and UK dates, so the template only places it.
 * Lists are empty, never null, when nothing was recorded.
 */
public record CaseRecord(String reference, String processInstanceId, String subject, boolean closed,
                         List<Fact> request, String requestText, String clarifiedRequest,
                         List<Fact> requester, List<Fact> status, List<OpenTask> openTasks,
                         List<Fact> triage, List<Fact> located, List<Fact> assessment,
                         List<CaseDecisions.Exemption> exemptions, List<Fact> qualifiedPersonsOpinion,
                         List<Fact> approval, List<Fact> outcome,
                         List<CaseTimeline.Entry> timeline, List<Letter> letters) {

  /** A task waiting on the case, with its address in Tasklist. */
  public record OpenTask(String name, String assignee, String due, String tasklistLink) {
  }

  /** A letter filed with the case, and where the API serves it as HTML and as PDF. */
  public record Letter(String id, String name, String drafted, String sent, String html, String pdf) {
  }
}
