package org.foiflow.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (src/test/resources/axe.min.js) run in the page: its WCAG 2.2 AA violations. */
final class AxeChecks {

  private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private AxeChecks() {
  }

  /** axe-core's WCAG 2.2 AA violations on the page, as "rule: where" lines (empty when it passes). */
  @SuppressWarnings("unchecked")
  static List<String> violations(WebDriver browser) throws IOException {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript(axe());
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    List<Map<String, Object>> found = (List<Map<String, Object>>) script.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            + ".then(results => done(results.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))))"
            + ".catch(error => done([{id: 'axe failed: ' + error, nodes: []}]));", WCAG_22_AA);
    return found.stream().map(violation -> violation.get("id") + ": " + violation.get("nodes")).toList();
  }

  private static String axe() throws IOException {
    try (InputStream source = AxeChecks.class.getResourceAsStream("/axe.min.js")) {
      return new String(source.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
