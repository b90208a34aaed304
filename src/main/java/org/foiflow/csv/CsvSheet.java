package org.foiflow.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A CSV file as foiflow serves it (statistics, the disclosure log), made to open safely in a spreadsheet: every
 * cell quoted (RFC 4180), so a comma, quote or line break in a value stays in its cell and cannot forge a row;
 * and a cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with an
 * apostrophe (OWASP's advice on CSV injection). Lines end with CRLF.
 */
public final class CsvSheet {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setQuoteMode(QuoteMode.ALL)
      .setRecordSeparator("\r\n")
      .get();
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final StringBuilder text = new StringBuilder();
  private final CSVPrinter printer;

  private CsvSheet(String... header) {
    try {
      printer = new CSVPrinter(text, FORMAT);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    row((Object[]) header);
  }

  /** A sheet whose first row names the columns. */
  public static CsvSheet withHeader(String... header) {
    return new CsvSheet(header);
  }

  public CsvSheet row(Object... cells) {
    try {
      printer.printRecord(Arrays.stream(cells).map(CsvSheet::neutralised));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // a StringBuilder does not fail
    }
    return this;
  }

  /** The sheet as text, CRLF after every row. */
  public String text() {
    return text.toString();
  }

  /** The cell's text; one a spreadsheet would take as a formula is made plain text with a leading apostrophe. */
  static String neutralised(Object value) {
    String cell = value == null ? "" : value.toString();
    return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
