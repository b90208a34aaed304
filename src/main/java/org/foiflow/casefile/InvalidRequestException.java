package org.foiflow.casefile;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request that cannot be logged; the message names each field, so Tasklist shows it as it is, and the
 * engine's REST API answers 400 (a bad user request), not a server error.
 */
public class InvalidRequestException extends BadUserRequestException implements NamedProblems {

  private final Map<String, String> problems;

  public InvalidRequestException(Map<String, String> problems) {
    super(problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue())
        .collect(Collectors.joining("; ")));
    this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
  }

  @Override
  public Map<String, String> problems() {
    return problems;
  }
}
