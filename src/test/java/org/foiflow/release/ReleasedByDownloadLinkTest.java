package org.foiflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.foiflow.release.CaseDocumentCalls.pdfOf;
import static org.foiflow.release.CaseDocumentCalls.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.foiflow.correspondence.MailServerForTests;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Released copies over foiflow.documents.email-attachment-limit (here 100 bytes, so every PDF is over it): the response
 * email carries a download link instead of attachments; the link serves the released copies to anyone who has it,
 * without login, until it expires (foiflow.documents.download-link-valid-for, 28 days), and never a withheld
 * document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "foiflow.documents.email-attachment-limit=100B", "foiflow.public-url=https://foi.example.gov.uk"})
@ActiveProfiles({"test", "demo"})
class ReleasedByDownloadLinkTest {

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Pattern LINK = Pattern.compile("https://foi\\.example\\.gov\\.uk(/released/[A-Za-z0-9_-]+)");

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  ReleaseRetention retention;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void overTheAttachmentLimitTheEmailLinksToTheReleasedCopyWithoutLoginUntilTheLinkExpires() throws Exception {
    on(LocalDate.of(2026, 11, 16));
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Lin Linked", LocalDate.of(2026, 11, 16)))
        .validAndHeld().located();
    String reference = foi.reference();
    CaseDocumentCalls documents = new CaseDocumentCalls(port, reference);
    String released = documents.upload("Camera sites.pdf", pdfOf("Camera sites", "Marketgate, Station Road."));
    documents.decide(released, "RELEASE_IN_FULL");
    String withheld = documents.upload("Night review.pdf", pdfOf("Night review", "Footage is checked at three."));
    documents.decide(withheld, "WITHHOLD", "s31(1)(a)");
    foi.complete("AssessExemptions", FoiCase.OFFICER, org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue("disclosureScope", "PART")
        .putValue("exemptions", java.util.List.of("s31"))
        .putValue("exemptionSubsections", java.util.List.of("s31-1-a"))
        .putValue("withheldDescription", "The night review procedure.")
        .putValue("assessmentNotes", "The review times would help offenders."));
    foi.harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD").approved();

    // the withheld document is in the schedule, as a whole document, and not among those attached
    String draft = String.valueOf(foi.variable("draftLetterText"));
    assertThat(draft).contains("Schedule of redactions", "Night review.pdf", "Whole document", "Camera sites.pdf");

    MimeMessage response = lastEmailOf(reference);
    assertThat(ReleasedDocumentsTest.attachments(response)).containsOnlyKeys(reference + ".pdf");
    String body = GreenMailUtil.getBody(response).replace("=\r\n", "").replace("=3D", "=");
    assertThat(body).contains("too large to attach", "until 14 December 2026");
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as("the email links to the documents: %s", body).isTrue();
    String page = link.group(1);

    // no login: the page lists the released copy only, and serves it
    HttpResponse<String> listing = anonymous(page);
    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(listing.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(listing.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(listing.body()).contains("Camera sites.pdf", "14 December 2026").doesNotContain("Night review");
    HttpResponse<byte[]> file = anonymousBytes(page + "/" + released);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(text(file.body())).contains("Marketgate, Station Road.");
    // never the withheld document, whatever its id
    assertThat(anonymousBytes(page + "/" + withheld).statusCode()).isEqualTo(404);
    assertThat(anonymous("/released/not-a-token").statusCode()).isEqualTo(404);

    // the day it expires, the link is refused with a plain page that says what to do
    on(LocalDate.of(2026, 12, 15));
    HttpResponse<String> expired = anonymous(page);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This download link has expired", reference).doesNotContain("Exception");
    assertThat(anonymousBytes(page + "/" + released).statusCode()).isEqualTo(410);

    // only the token's hash was kept, and the expired link is gone the next night
    String token = page.substring(page.lastIndexOf('/') + 1);
    String pid = foi.instance().getId();
    assertThat(jdbc.queryForList("SELECT token_sha256 FROM foi_release_link WHERE process_instance_id = ?", String.class,
        pid)).isNotEmpty().noneMatch(stored -> stored.contains(token));
    retention.forgetPastRetention(LocalDate.of(2026, 12, 16), ClockUtil.getCurrentTime().toInstant());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_release_link WHERE process_instance_id = ?", Integer.class,
        pid)).isZero();
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(LONDON).toInstant()));
  }

  private MimeMessage lastEmailOf(String reference) {
    MimeMessage[] ours = mail.about(reference).toArray(MimeMessage[]::new);
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    return ours[ours.length - 1];
  }

  private HttpResponse<String> anonymous(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> anonymousBytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
