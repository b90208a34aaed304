package org.foiflow.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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

  /** The decision of the same file that lists the subsections ("s31-1-a") of the exemptions that have them. */
  public static final String SUBSECTIONS = "exemption-subsections";

  /** The section ("Section 21", "Regulation 12(4)(b)") and title of one catalogue row. */
  public record Entry(String section, String title) {
  }

  /**
   * One subsection of an exemption: the exemption's code ("s31"), its citation ("Section 31(1)(a)"), what it
   * protects ("the prevention or detection of crime") and the statutory verb of the harm ("prejudice", "inhibit").
   */
  public record Subsection(String exemption, String section, String interest, String verb) {
  }

  private static final DmnModelInstance MODEL = read();
  /** By the catalogue's own code ("s22A"), in its order. */
  private static final Map<String, Entry> ENTRIES = table(MODEL, ExemptionProfile.CATALOGUE,
      row -> new Entry(row.get("section"), row.get("title")));
  /** By subsection code ("s31-1-a"), in the table's order. */
  private static final Map<String, Subsection> SUBSECTION_ROWS = table(MODEL, SUBSECTIONS,
      row -> new Subsection(row.get("exemption"), row.get("section"), row.get("interest"), row.get("verb")));
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

  /** The subsection's row, or null when the table does not know the code. */
  public static Subsection subsectionOf(String code) {
    return code == null ? null : SUBSECTION_ROWS.get(code.trim().toLowerCase(Locale.ROOT));
  }

  /** Every subsection, by code, in the table's order. */
  public static Map<String, Subsection> subsections() {
    return SUBSECTION_ROWS;
  }

  /** One catalogue row as the assessment form offers it: its code, "Section 31: Law enforcement" and its regime. */
  public record Offered(String code, String label, String regime) {
  }

  /** The rows of a catalogue as deployed (a case's own model version), in its order. */
  static List<Offered> offeredBy(DmnModelInstance catalogue) {
    return table(catalogue, ExemptionProfile.CATALOGUE,
        row -> new String[] {row.get("section") + ": " + row.get("title"), row.get("regime")})
        .entrySet().stream().map(row -> new Offered(row.getKey(), row.getValue()[0], row.getValue()[1])).toList();
  }

  private static DmnModelInstance read() {
    ClassLoader loader = CatalogueTitles.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The rows of one decision table, by the (string literal) input of each, their outputs by output name. */
  private static <T> Map<String, T> table(DmnModelInstance model, String decisionId,
                                          Function<Map<String, String>, T> rowOf) {
    Decision decision = model.getModelElementById(decisionId);
    if (decision == null) {
      throw new IllegalStateException(RESOURCE + " has no decision " + decisionId);
    }
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    Map<String, T> rows = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      String code = literal(rule.getInputEntries().iterator().next().getText().getTextContent());
      List<String> texts = rule.getOutputEntries().stream().map(entry -> literal(entry.getText().getTextContent())).toList();
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < outputs.size(); i++) {
        row.put(outputs.get(i), texts.get(i));
      }
      rows.put(code, rowOf.apply(row));
    }
    return Collections.unmodifiableMap(rows);
  }

  private static <T> Map<String, T> lowerCase(Map<String, T> entries) {
    Map<String, T> byLowerCase = new LinkedHashMap<>();
    entries.forEach((code, entry) -> byLowerCase.put(code.toLowerCase(Locale.ROOT), entry));
    return Collections.unmodifiableMap(byLowerCase);
  }

  /** A FEEL string literal without its quotes. */
  private static String literal(String text) {
    String trimmed = text.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }
}
