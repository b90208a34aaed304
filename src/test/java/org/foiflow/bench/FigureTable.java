package org.foiflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table of measured figures: printed to the console and kept in target/benchmarks/ so the run's
 * figures can be copied into docs/benchmarks.md as they were printed.
 */
final class FigureTable {

  private final String title;
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  FigureTable(String title, String... header) {
    this.title = title;
    this.header = header;
  }

  FigureTable row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] instanceof Double d ? String.format("%.1f", d) : String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  FigureTable note(String note) {
    notes.add(note);
    return this;
  }

  String markdown() {
    StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.length; i++) {
      out.append(i == 0 ? "---|" : "---:|");
    }
    out.append('\n');
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    for (String note : notes) {
      out.append('\n').append(note).append('\n');
    }
    return out.toString();
  }

  /** Prints the table and writes it to target/benchmarks/{file}.md. */
  void publish(String file) {
    String text = markdown();
    System.out.println("\n" + text);
    try {
      Path dir = Path.of("target", "benchmarks");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file + ".md"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
