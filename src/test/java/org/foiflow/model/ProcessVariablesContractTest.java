package org.foiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.casefile.ProcessVariable;
import org.foiflow.casefile.ProcessVariable.Type;
import org.foiflow.complaints.ComplaintVariable;
import org.foiflow.correspondence.PostVariable;
import org.foiflow.disclosure.EntryVariable;
import org.foiflow.mailbox.CorrespondenceVariable;
import org.foiflow.review.ReviewVariable;
import org.junit.jupiter.api.Test;

/**
 * The typed contract of each model's variables ({@link CaseVariable} and its kin) against docs/process-variables.md
 * and the models: every documented variable is an entry and every entry is documented, with the same type; the
 * case variables a review or complaint copies are the ones documented; every variable a model, its forms and its
 * decision tables name is in the model's contract; and no bean names a variable by a string of its own.
 */
class ProcessVariablesContractTest {

  private static final Path DOC = Path.of("docs", "process-variables.md");

  /** Each model's contract, by process id. */
  private static final Map<String, List<? extends ProcessVariable>> CONTRACTS = Map.of(
      "foi-request", List.of(CaseVariable.values()),
      "internal-review", List.of(ReviewVariable.values()),
      "ico-complaint", List.of(ComplaintVariable.values()),
      "disclosure-log-entry", List.of(EntryVariable.values()),
      "letter-by-post", List.of(PostVariable.values()),
      "incoming-correspondence", List.of(CorrespondenceVariable.values()));

  /** The case variables a model carries as copies, under their own names. */
  private static final Map<String, List<CaseVariable>> COPIED = Map.of(
      "internal-review", ReviewVariable.COPIED_FROM_CASE,
      "ico-complaint", ComplaintVariable.COPIED_FROM_CASE);

  private static final Pattern SECTION = Pattern.compile("^# Process variables of `([a-z-]+)`");
  private static final Pattern NAME = Pattern.compile("`([A-Za-z]\\w*)`");
  /** Quoted values in a type cell, e.g. String `FOIA`/`EIR`, are not types. */
  private static final Pattern QUOTED_VALUES = Pattern.compile("`[^`]*`(\\s*/\\s*`[^`]*`)*");

  /**
   * Engine calls that take a variable's name: in src/main/java the name comes from a contract, never a literal.
   * Thymeleaf's context.setVariable (letter templates, the disclosure log page) names template values, not these.
   */
  private static final Pattern NAMED_BY_STRING = Pattern.compile("(?<!context|view)\\.(getVariable|getVariableLocal"
      + "|setVariable|setVariableLocal|removeVariable|putValue|putValueTyped|variableValueEquals|variableName)\\(\"");

  @Test
  void everyDocumentedVariableIsInItsModelsContractWithTheSameTypeAndNoOther() throws IOException {
    Map<String, Map<String, Type>> documented = documented(Files.readAllLines(DOC));
    assertThat(documented.keySet()).as("models documented in %s", DOC).isEqualTo(CONTRACTS.keySet());
    List<String> differences = new ArrayList<>();
    CONTRACTS.forEach((model, contract) -> differences.addAll(differences(model, documented.get(model), contract)));
    assertThat(differences).as("docs/process-variables.md against the contracts:%n  %s", String.join("\n  ", differences))
        .isEmpty();
  }

  /** The check can fail: a documented variable renamed, one retyped and one dropped are each named. */
  @Test
  void aRenamedRetypedOrMissingVariableIsNamed() throws IOException {
    List<String> lines = Files.readAllLines(DOC).stream()
        .map(line -> line.replace("| `regime` | String", "| `accessRegime` | String"))
        .map(line -> line.replace("| `dueOn` | String date", "| `dueOn` | String"))
        .filter(line -> !line.startsWith("| `letterType` |"))
        .toList();
    List<String> differences = differences("foi-request", documented(lines).get("foi-request"),
        List.of(CaseVariable.values()));
    assertThat(String.join("\n", differences))
        .contains("\"accessRegime\" is documented", "REGIME (\"regime\")", "DUE_ON (\"dueOn\") is DATE", "LETTER_TYPE");
    assertThat(differences).hasSize(4);
  }

  @Test
  void theCaseVariablesAModelCopiesAreTheOnesDocumented() throws IOException {
    Map<String, Set<String>> documented = documentedCopies(Files.readAllLines(DOC));
    assertThat(documented.keySet()).isEqualTo(COPIED.keySet());
    COPIED.forEach((model, copied) -> assertThat(documented.get(model)).as("copied into %s", model)
        .containsExactlyInAnyOrderElementsOf(copied.stream().map(CaseVariable::key).toList()));
  }

  @Test
  void everyVariableAModelItsFormsAndDecisionsNameIsInItsContract() throws Exception {
    Set<String> beans = beanNames();
    ModelReferencesTest.Project project = ModelReferencesTest.Project.read(Path.of("bpmn"), Path.of("forms"), DOC,
        beans::contains);
    Set<String> models = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (Path file : project.models()) {
      Map.Entry<String, Set<String>> named = project.variables(file.toString(), Files.readString(file));
      String model = named.getKey();
      models.add(model);
      Set<String> known = keys(CONTRACTS.getOrDefault(model, List.of()));
      known.addAll(keys(COPIED.getOrDefault(model, List.of())));
      named.getValue().stream().filter(variable -> !known.contains(variable)).forEach(variable -> problems.add(
          file + " (" + model + ") names variable \"" + variable + "\", which is not in its contract"));
    }
    assertThat(models).isEqualTo(CONTRACTS.keySet());
    assertThat(problems).as("variables of bpmn/, forms/ and the DMN tables outside the contracts:%n  %s",
        String.join("\n  ", problems)).isEmpty();
  }

  @Test
  void noBeanNamesAVariableByAStringOfItsOwn() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
          if (NAMED_BY_STRING.matcher(lines.get(i)).find()) {
            found.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("variable names written as strings (use the model's contract, e.g. CaseVariable):%n  %s",
        String.join("\n  ", found)).isEmpty();
  }

  // ----------------------------------------------------------------------------------------------

  static List<String> differences(String model, Map<String, Type> documented, List<? extends ProcessVariable> contract) {
    List<String> differences = new ArrayList<>();
    Map<String, ProcessVariable> entries = new LinkedHashMap<>();
    contract.forEach(variable -> entries.put(variable.key(), variable));
    documented.forEach((name, type) -> {
      ProcessVariable entry = entries.get(name);
      if (entry == null) {
        differences.add(model + ": \"" + name + "\" is documented but is no entry of the contract");
      } else if (entry.type() != type) {
        differences.add(model + ": " + entry + " (\"" + name + "\") is " + entry.type() + ", documented as " + type);
      }
    });
    entries.forEach((name, entry) -> {
      if (!documented.containsKey(name)) {
        differences.add(model + ": " + entry + " (\"" + name + "\") is not documented");
      }
    });
    return differences;
  }

  /** Each model's table: every name of a row with its type (one type for the row, or one per name after "/"). */
  static Map<String, Map<String, Type>> documented(List<String> lines) {
    Map<String, Map<String, Type>> models = new LinkedHashMap<>();
    Map<String, Type> current = null;
    for (String line : lines) {
      Matcher section = SECTION.matcher(line);
      if (section.find()) {
        current = new LinkedHashMap<>();
        models.put(section.group(1), current);
      } else if (current != null && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        List<String> names = names(cells[1]);
        List<String> types = Arrays.asList(QUOTED_VALUES.matcher(cells[2]).replaceAll("").split("/"));
        if (types.size() == 1) {
          types = names.stream().map(name -> cells[2]).toList();
        }
        assertThat(types).as("types of row %s", line).hasSameSizeAs(names);
        for (int i = 0; i < names.size(); i++) {
          current.put(names.get(i), type(types.get(i), line));
        }
      }
    }
    return models;
  }

  /** The names listed after "Copied from the case" in each model's section. */
  static Map<String, Set<String>> documentedCopies(List<String> lines) {
    Map<String, Set<String>> copies = new LinkedHashMap<>();
    String model = null;
    boolean copying = false;
    for (String line : lines) {
      Matcher section = SECTION.matcher(line);
      if (section.find()) {
        model = section.group(1);
      }
      copying = line.startsWith("Copied from the case") || copying && !line.isBlank();
      if (copying) {
        Set<String> names = copies.computeIfAbsent(model, key -> new LinkedHashSet<>());
        names.addAll(names(line.contains("):") ? line.substring(line.indexOf("):")) : line));
      }
    }
    return copies;
  }

  private static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    Matcher name = NAME.matcher(text);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  /** The first words of a type cell: String date, String, long text, Boolean, Number/Integer, List, Map, Date. */
  private static Type type(String cell, String row) {
    String type = cell.strip().toLowerCase();
    if (type.contains("long text")) {
      return Type.LONG_TEXT;
    }
    for (Map.Entry<String, Type> start : List.of(Map.entry("string date", Type.DATE), Map.entry("string", Type.TEXT),
        Map.entry("boolean", Type.FLAG), Map.entry("number", Type.NUMBER), Map.entry("integer", Type.NUMBER),
        Map.entry("list", Type.LIST), Map.entry("map", Type.MAP), Map.entry("java.util.date", Type.TIMESTAMP),
        Map.entry("date", Type.TIMESTAMP))) {
      if (type.startsWith(start.getKey())) {
        return start.getValue();
      }
    }
    throw new AssertionError("no type in \"" + cell + "\" of row " + row);
  }

  private static Set<String> keys(List<? extends ProcessVariable> variables) {
    return variables.stream().map(ProcessVariable::key).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** foiflow's beans as models name them: a class's simple name, decapitalised, or the name @Component gives it. */
  private static Set<String> beanNames() throws IOException {
    Set<String> beans = new LinkedHashSet<>();
    Pattern named = Pattern.compile("@Component\\(\"(\\w+)\"\\)");
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        String name = source.getFileName().toString().replace(".java", "");
        beans.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        Matcher component = named.matcher(Files.readString(source));
        while (component.find()) {
          beans.add(component.group(1));
        }
      }
    }
    return beans;
  }
}
