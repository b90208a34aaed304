package org.foiflow.disclosure;

import java.util.Set;

/** The vocabulary of bpmn/disclosure-log-entry.bpmn. */
public final class DisclosureLogEntry {

  public static final String PROCESS_KEY = "disclosure-log-entry";
  /** Outcomes that released something: only these have anything to publish. */
  public static final Set<String> RELEASED = Set.of("GRANTED_IN_FULL", "GRANTED_IN_PART");
  public static final String PUBLISH = "PUBLISH";
  public static final String DO_NOT_PUBLISH = "DO_NOT_PUBLISH";

  private DisclosureLogEntry() {
  }
}
