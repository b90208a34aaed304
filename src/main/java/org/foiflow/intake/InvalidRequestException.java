package org.foiflow.intake;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/** A request that cannot be logged; the message names each field, so Tasklist shows it as it is. */
public class InvalidRequestException extends ProcessEngineException {

  private final Map<String, String> problems;

  public InvalidRequestException(Map<String, String> problems) {
    super(problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue())
        .collect(Collectors.joining("; ")));
    this.problems = Map.copyOf(problems);
  }

  public Map<String, String> problems() {
    return problems;
  }
}
