package org.foiflow.clearance;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which of the authority's sensitive subjects (foiflow.clearance.sensitive-subjects) a request names: as whole
 * words in any case, so "school closures" is found in "the School Closures of 2025" but "arms" not in "farms".
 */
@Component
public class SensitiveSubjects {

  private final List<String> subjects;
  private final List<Pattern> patterns;

  public SensitiveSubjects(ClearanceSettings settings) {
    this.subjects = settings.sensitiveSubjects();
    // letters or digits may not touch the subject on either side; spaces inside it match any run of spaces
    this.patterns = subjects.stream().map(subject -> Pattern.compile("(?<![\\p{L}\\p{N}])"
        + String.join("\\s+", java.util.Arrays.stream(subject.split("\\s+")).map(Pattern::quote).toList())
        + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
  }

  /** The first configured subject that one of the texts names, in the configured order. */
  public Optional<String> namedIn(String... texts) {
    for (int i = 0; i < subjects.size(); i++) {
      for (String text : texts) {
        if (text != null && patterns.get(i).matcher(text).find()) {
          return Optional.of(subjects.get(i));
        }
      }
    }
    return Optional.empty();
  }
}
