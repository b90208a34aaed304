package org.foiflow.drafting;

import java.util.List;

/**
 * What goes with a response letter besides its words: the documents released with it ("We attach: …") and the
 * schedule of redactions (the redaction log) annexed to a partial disclosure or a refusal notice. The case's
 * documents are read by the caller ({@code correspondence}), so drafting needs no storage of its own; a case
 * without documents has {@link #NONE} and its letter reads as it always did.
 */
public record LetterEnclosures(List<String> released, List<ScheduleRow> schedule) {

  public static final LetterEnclosures NONE = new LetterEnclosures(List.of(), List.of());

  public LetterEnclosures {
    released = released == null ? List.of() : List.copyOf(released);
    schedule = schedule == null ? List.of() : List.copyOf(schedule);
  }

  /**
   * One line of the schedule: the document, its page (null: the whole document is withheld), the exemption as the
   * law cites it ("Section 40(2)") and how many passages it redacts on that page.
   */
  public record ScheduleRow(String document, Integer page, String exemption, int count) {

    /** The page column: "1", or "Whole document" for a document withheld in full. */
    public String pageInWords() {
      return page == null ? "Whole document" : String.valueOf(page);
    }

    /** The count column: "2", or "Withheld" for a document withheld in full. */
    public String countInWords() {
      return page == null ? "Withheld" : String.valueOf(count);
    }
  }

  public boolean isEmpty() {
    return released.isEmpty() && schedule.isEmpty();
  }
}
