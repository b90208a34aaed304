package org.foiflow.release;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * foiflow.documents.email-attachment-limit and download-link-valid-for in application.yaml (which documents them):
 * released copies up to this size in all go with the response email as attachments; beyond it the email carries a
 * download link instead, valid this long.
 */
@ConfigurationProperties(prefix = "foiflow.documents")
public record ReleaseSettings(
    @DefaultValue("10MB") DataSize emailAttachmentLimit,
    @DefaultValue("P28D") Duration downloadLinkValidFor) {
}
