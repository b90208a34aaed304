package org.foiflow.casefile;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** Values that break a task form's contract; names each field. Nothing of the completion is kept. */
public class CaseDataInvalidException extends BadUserRequestException implements NamedProblems {

  private final Map<String, String> problems;

  public CaseDataInvalidException(String taskName, Map<String, String> problems) {
    this("Cannot complete '" + taskName + "'", problems, true);
  }

  /** Values refused by a step that is not a task: "{what}: field problem; ...". */
  public static CaseDataInvalidException refused(String what, Map<String, String> problems) {
    return new CaseDataInvalidException(what, problems, true);
  }

  private CaseDataInvalidException(String what, Map<String, String> problems, boolean described) {
    super(what + ": " + problems.entrySet().stream()
        .map(problem -> problem.getKey() + " " + problem.getValue()).collect(Collectors.joining("; ")));
    this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
  }

  /** Values that came with a message or a start, not a task: each field named. */
  public CaseDataInvalidException(Map<String, String> problems) {
    super(problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue()).collect(Collectors.joining("; ")));
    this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
  }

  @Override
  public Map<String, String> problems() {
    return problems;
  }
}
