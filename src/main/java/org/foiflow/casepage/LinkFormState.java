package org.foiflow.casepage;

import java.util.List;
import java.util.Map;
import org.foiflow.links.LinkKind;
import org.foiflow.links.OfficerLinks;

/** The case page's add-a-link form: blank, or as typed with each problem by field (reference, kind, note). */
public record LinkFormState(String reference, String kind, String note, Map<String, String> errors) {

  /** A kind the form offers, with its words. */
  public record KindChoice(String value, String label) {
  }

  static final List<KindChoice> KINDS = OfficerLinks.OFFICER_KINDS.stream()
      .map(kind -> new KindChoice(kind.name(), kind.label())).toList();

  static LinkFormState blank() {
    return new LinkFormState("", LinkKind.RELATED.name(), "", Map.of());
  }

  public List<KindChoice> kinds() {
    return KINDS;
  }

  public String error(String field) {
    return errors.get(field);
  }
}
