package org.foiflow.release;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * foiflow.public-url in application.yaml: where the public reaches this installation (e.g.
 * https://foi.example.gov.uk), for links sent out of it, such as a requester's download link; an email has no
 * request to take the host from.
 */
@ConfigurationProperties(prefix = "foiflow")
public record PublicAddress(@DefaultValue("http://localhost:8080") String publicUrl) {

  /** The absolute address of a path of this installation ("/released/…"). */
  public String of(String path) {
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + path;
  }
}
