package org.foiflow.drafting;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each template rendered from fixed case data and compared, as plain text, with src/test/resources/golden:
 * a template change shows up as a readable diff of the letter. After a deliberate change, rewrite the files
 * with {@code mvn test -Dtest='org.foiflow.drafting.GoldenLetterTest' -Dgolden.update=true} and read the diff.
 */
class GoldenLetterTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> letters() {
    List<Arguments> letters = new ArrayList<>();
    for (LetterType type : LetterType.values()) {
      letters.add(Arguments.of(type.templateName(), type, LetterCases.caseFor(type)));
    }
    letters.add(Arguments.of("refusal-notice-eir", LetterType.REFUSAL_NOTICE, LetterCases.eirRefusal()));
    letters.add(Arguments.of("partial-disclosure-s31", LetterType.PARTIAL_DISCLOSURE,
        LetterCases.section31PartialDisclosure()));
    letters.add(Arguments.of("refusal-notice-s43-third-party-objected", LetterType.REFUSAL_NOTICE,
        LetterCases.section43RefusalAfterConsultation()));
    return letters.stream();
  }

  @org.junit.jupiter.api.Test
  void theConsultationLetterToAThirdPartyReadsAsApproved() throws IOException {
    compare("third-party-consultation", LetterCases.drafter().draftToOthers("third-party-consultation",
        CaseLetter.from(LetterCases.section43RefusalAfterConsultation()), LetterCases.consultationAbout()).text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("letters")
  void letterReadsAsApproved(String name, LetterType type, Map<String, Object> variables) throws IOException {
    compare(name, LetterCases.drafter().draft(type, CaseLetter.from(variables)).text());
  }

  static void compare(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name + ".txt");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("no golden file " + file + ": run with -Dgolden.update=true to create it, then read it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail("letter " + name + " differs from " + file + " (- golden, + now); if the change is intended, run with "
          + "-Dgolden.update=true\n" + diff(expected, actual));
    }
  }

  /** A line diff (longest common subsequence) with two lines of context. */
  static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add("  " + a[i]);
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
        lines.add("+ " + b[j++]);
      } else {
        lines.add("- " + a[i++]);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = -2; d <= 2 && !near; d++) {
        int n = k + d;
        near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
      }
      if (near) {
        out.append(String.format("%4d %s%n", k + 1, lines.get(k)));
      }
    }
    return out.toString();
  }
}
