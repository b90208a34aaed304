package org.foiflow.drafting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An officer's edited plain-text letter split into blocks for the edited-letter template: the layout that
 * {@link PlainText} writes (blank line between paragraphs, underlined headings, "- " lists, "> " quotes)
 * is read back, and anything else is a paragraph whose line breaks are kept.
 */
final class EditedText {

  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+.*");

  /** One block of the edited letter. kind: heading, subheading, list, numbered, quote or paragraph. */
  public record Block(String kind, List<String> lines) {
  }

  private EditedText() {
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String unified = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder();
    for (String line : unified.split("\n", -1)) {
      out.append(line.stripTrailing()).append('\n');
    }
    return out.toString().strip() + "\n";
  }

  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String chunk : BLANK_LINES.split(normalise(text))) {
      List<String> lines = new ArrayList<>(Arrays.stream(chunk.split("\n")).map(String::strip)
          .filter(line -> !line.isEmpty()).toList());
      if (lines.isEmpty()) {
        continue;
      }
      if (lines.size() == 2 && lines.get(1).matches("=+")) {
        blocks.add(new Block("heading", List.of(lines.get(0))));
      } else if (lines.size() == 2 && lines.get(1).matches("-+")) {
        blocks.add(new Block("subheading", List.of(lines.get(0))));
      } else if (lines.stream().allMatch(line -> line.startsWith("- ") || line.startsWith("* "))) {
        blocks.add(new Block("list", lines.stream().map(line -> line.substring(2).strip()).toList()));
      } else if (lines.stream().allMatch(line -> NUMBERED.matcher(line).matches())) {
        blocks.add(new Block("numbered", lines.stream().map(line -> line.substring(line.indexOf('.') + 1).strip())
            .toList()));
      } else if (lines.stream().allMatch(line -> line.startsWith(">"))) {
        blocks.add(new Block("quote", lines.stream().map(line -> line.substring(1).strip()).toList()));
      } else {
        blocks.add(new Block("paragraph", lines));
      }
    }
    return blocks;
  }
}
