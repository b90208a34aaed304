package org.foiflow.casepage;

import java.util.ArrayList;
import java.util.List;

/** One labelled answer on the case page (a row of a description list): "Valid request under s.8" – "Yes". */
public record Fact(String label, String value) {

  /** Builds a section's facts, leaving out the questions nobody answered, so the page shows what was recorded. */
  static final class Facts {
    private final List<Fact> facts = new ArrayList<>();

    Facts add(String label, String value) {
      if (value != null && !value.isBlank()) {
        facts.add(new Fact(label, value));
      }
      return this;
    }

    List<Fact> list() {
      return List.copyOf(facts);
    }
  }
}
