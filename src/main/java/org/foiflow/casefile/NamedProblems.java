package org.foiflow.casefile;

import java.util.Map;

/** An error that names each bad field, so every API can answer 400 with the fields listed. */
public interface NamedProblems {

  Map<String, String> problems();
}
