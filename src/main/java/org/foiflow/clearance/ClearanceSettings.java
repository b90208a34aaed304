package org.foiflow.clearance;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * foiflow.clearance in application.yaml (which documents it): the subjects the authority treats as sensitive. A
 * request whose subject or text names one (as whole words, in any case) needs senior clearance by the
 * clearance-route table.
 */
@ConfigurationProperties(prefix = "foiflow.clearance")
public record ClearanceSettings(List<String> sensitiveSubjects) {

  public ClearanceSettings {
    sensitiveSubjects = sensitiveSubjects == null ? List.of()
        : sensitiveSubjects.stream().filter(subject -> subject != null && !subject.isBlank()).map(String::strip)
            .toList();
  }
}
