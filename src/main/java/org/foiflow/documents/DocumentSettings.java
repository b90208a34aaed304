package org.foiflow.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * foiflow.documents in application.yaml (which documents it): the largest file an officer may add to a case, the
 * most a case's documents may take together, and the LibreOffice command that turns Word, Excel and ODF files into
 * the PDF their pages are redacted on, with how long one conversion may take.
 */
@ConfigurationProperties(prefix = "foiflow.documents")
public record DocumentSettings(@DefaultValue("25MB") DataSize maxFileSize, @DefaultValue("200MB") DataSize maxCaseSize,
                               @DefaultValue("soffice") String officeConverter,
                               @DefaultValue("120s") Duration conversionTimeout) {
}
