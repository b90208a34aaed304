package org.foiflow.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The section and title of each exemption, read from the DMN exemption-catalogue as it ships with the
 * application (bpmn/exemption-catalogue.dmn on the class path), for texts written before the catalogue facts are
 * on the case (e.g. the extension notice lists only the codes). The catalogue is the only place that holds them.
 */
public final class CatalogueTitles {

  /** Where the build puts the catalogue (see the pom's resources). */
  public static final String RESOURCE = "bpmn/exemption-catalogue.dmn";

  /** The section ("Section 21", "Regulation 12(4)(b)") and title of one catalogue row. */
  public record Entry(String section, String title) {
  }

  /** By the catalogue's own code ("s22A"), in its order. */
  private static final Map<String, Entry> ENTRIES = read();
  /** By lower-case code, for look-ups that ignore case as the letters always have. */
  private static final Map<String, Entry> BY_LOWER_CASE = lowerCase(ENTRIES);

  private CatalogueTitles() {
  }

  /** The catalogue's title for the code, or null when the catalogue does not know it. */
  public static String titleOf(String code) {
    Entry entry = entryOf(code);
    return entry == null ? null : entry.title();
  }

  /** The catalogue's row for the code, or null when the catalogue does not know it. */
  public static Entry entryOf(String code) {
    return code == null ? null : BY_LOWER_CASE.get(code.trim().toLowerCase(Locale.ROOT));
  }

  /** Every row, by the catalogue's code, in the catalogue's order. */
  public static Map<String, Entry> all() {
    return ENTRIES;
  }

  private static Map<String, Entry> read() {
    ClassLoader loader = CatalogueTitles.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return entries(Dmn.readModelFromStream(in));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  static Map<String, Entry> entries(DmnModelInstance model) {
    Decision decision = model.getModelElementById(ExemptionProfile.CATALOGUE);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<Output> outputs = List.copyOf(table.getOutputs());
    int section = indexOf(outputs, "section");
    int title = indexOf(outputs, "title");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      String code = literal(rule.getInputEntries().iterator().next().getText().getTextContent());
      List<String> texts = rule.getOutputEntries().stream().map(entry -> literal(entry.getText().getTextContent())).toList();
      entries.put(code, new Entry(texts.get(section), texts.get(title)));
    }
    return Collections.unmodifiableMap(entries);
  }

  private static Map<String, Entry> lowerCase(Map<String, Entry> entries) {
    Map<String, Entry> byLowerCase = new LinkedHashMap<>();
    entries.forEach((code, entry) -> byLowerCase.put(code.toLowerCase(Locale.ROOT), entry));
    return Collections.unmodifiableMap(byLowerCase);
  }

  private static int indexOf(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    throw new IllegalStateException(RESOURCE + " has no output " + name);
  }

  /** A FEEL string literal without its quotes. */
  private static String literal(String text) {
    String trimmed = text.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }
}
