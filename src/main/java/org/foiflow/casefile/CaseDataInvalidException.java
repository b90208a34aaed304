package org.foiflow.casefile;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** Values that break a task form's contract; names each field. Nothing of the completion is kept. */
public class CaseDataInvalidException extends BadUserRequestException implements NamedProblems {

  private final Map<String, String> problems;

  public CaseDataInvalidException(String taskName, Map<String, String> problems) {
    super("Cannot complete '" + taskName + "': " + problems.entrySet().stream()
        .map(problem -> problem.getKey() + " " + problem.getValue()).collect(Collectors.joining("; ")));
    this.problems = Map.copyOf(problems);
  }

  /** Values that came with a message or a start, not a task: each field named. */
  public CaseDataInvalidException(Map<String, String> problems) {
    super(problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue()).collect(Collectors.joining("; ")));
    this.problems = Map.copyOf(problems);
  }

  @Override
  public Map<String, String> problems() {
    return problems;
  }
}
