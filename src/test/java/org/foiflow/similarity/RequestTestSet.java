package org.foiflow.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/** The similarity test set (similarity/requests.psv), read by its test and by the benchmark. */
public final class RequestTestSet {

  /** One row. rewords: the id of the request it rewords, or null for an original. */
  public record Row(String id, String topic, String rewords, String text) {
  }

  private RequestTestSet() {
  }

  /** Every row by id, in the file's order. */
  public static Map<String, Row> rows() {
    try {
      Map<String, Row> rows = new LinkedHashMap<>();
      String text = new String(new ClassPathResource("similarity/requests.psv").getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] columns = line.split("\\|", 4);
          rows.put(columns[0], new Row(columns[0], columns[1], "-".equals(columns[2]) ? null : columns[2],
              columns[3].strip()));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
