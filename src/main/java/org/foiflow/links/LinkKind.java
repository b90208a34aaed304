package org.foiflow.links;

/**
 * How one case relates to another. A link is recorded once, from the case it is about; the other case shows it
 * with the inverse wording.
 */
public enum LinkKind {
  RELATED("Related to", "Related to"),
  REPEAT_OF("Repeats", "Repeated by"),
  ROUND_ROBIN("Round robin with", "Round robin with"),
  AGGREGATED_WITH("Aggregated with", "Aggregated with"),
  REVIEW_OF("Review of", "Reviewed in"),
  COMPLAINT_ABOUT("Complaint about", "Complained about in");

  private final String label;
  private final String inverseLabel;

  LinkKind(String label, String inverseLabel) {
    this.label = label;
    this.inverseLabel = inverseLabel;
  }

  /** How the case the link was recorded from shows it ("Repeats FOI-2026-00003"). */
  public String label() {
    return label;
  }

  /** How the linked case shows it ("Repeated by FOI-2026-00009"). */
  public String inverseLabel() {
    return inverseLabel;
  }
}
