package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.http.Outsider;
import org.foiflow.mailbox.MailFiling;
import org.foiflow.process.FoiCase;
import org.foiflow.review.InternalReview;
import org.foiflow.review.ReviewCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17, "replies go where they came from" and "correspondence on the case": a request that came by email (here
 * from a WhatDoTheyKnow-style address) is answered at exactly that address, in the request's thread, by a real SMTP
 * server; GET /api/requests/{reference}/correspondence lists what was filed to the case and what it sent, oldest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CaseCorrespondenceTest {

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  static final String WDTK_ADDRESS = "request-1234-abcd@whatdotheyknow.com";
  static final String REQUEST_MESSAGE_ID = "<abc@mail.whatdotheyknow.com>";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  MailFiling mailFiling;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A request as the incoming branch logs one from an email: the exact reply address, the email's Message-ID. */
  private static VariableMap anEmailedRequest(String name) {
    return FoiCase.aRequest(name, LocalDate.now(ZoneId.of("Europe/London")))
        .putValue("requesterEmail", WDTK_ADDRESS)
        .putValue("requestMessageId", REQUEST_MESSAGE_ID)
        .putValue("channel", "EMAIL");
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", BasicAuthCalls.authorization(user, password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode correspondenceOf(String reference) throws Exception {
    HttpResponse<String> answer = get("/api/requests/" + reference + "/correspondence", "maya", "demo");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body()).get("items");
  }

  /** A message as the mailbox files it (the contract's columns), received at {@code at}. */
  private String filed(String reference, String status, Instant at, String subject, String body) {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO foi_correspondence (id, mailbox_key, message_id, received_at, from_address, from_name,"
            + " reply_to, to_address, subject, body_text, raw_size, status, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?)", id, "foi@mail.example.gov.uk/INBOX/1/" + id, "<" + id + "@mail.whatdotheyknow.com>",
        Timestamp.from(at), WDTK_ADDRESS, "Wendy Whatdo", WDTK_ADDRESS, "foi@example.gov.uk", subject, body, 2048L,
        status, reference);
    return id;
  }

  @Test
  void anEmailedRequestIsAcknowledgedAtItsExactAddressAsAReplyToTheRequest() throws Exception {
    FoiCase foi = FoiCase.logged(engine, anEmailedRequest("Wendy Whatdo"));

    List<MimeMessage> emails = mail.about(foi.reference());
    assertThat(emails).hasSize(1);
    MimeMessage acknowledgement = emails.get(0);
    assertThat(acknowledgement.getAllRecipients()).extracting(Object::toString).containsExactly(WDTK_ADDRESS);
    assertThat(acknowledgement.getHeader("In-Reply-To")).containsExactly(REQUEST_MESSAGE_ID);
    assertThat(acknowledgement.getHeader("References")).containsExactly(REQUEST_MESSAGE_ID);
    assertThat(acknowledgement.getMessageID()).isEqualTo("<letter1." + foi.instance().getId() + "@foiflow>");
  }

  @Test
  void aRequestWithoutAMessageIdIsAcknowledgedWithoutInReplyTo() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Nell Nothread", LocalDate.now(ZoneId.of("Europe/London"))));

    MimeMessage acknowledgement = mail.about(foi.reference()).get(0);
    assertThat(acknowledgement.getAllRecipients()).extracting(Object::toString).containsExactly("nell.nothread@example.org");
    assertThat(acknowledgement.getHeader("In-Reply-To")).isNull();
    assertThat(acknowledgement.getHeader("References")).isNull();
  }

  @Test
  void aRequestMessageIdThatIsNotOneShortIdIsNotRepeatedInTheReply() throws Exception {
    // set by anyone who may change the case's variables: never trusted to be one id that fits a header line
    String tooLong = "<" + "x".repeat(2_000) + "@example.org>";
    FoiCase longId = FoiCase.logged(engine, anEmailedRequest("Lena Longid").putValue("requestMessageId", tooLong));
    FoiCase twoIds = FoiCase.logged(engine, anEmailedRequest("Tom Twoids")
        .putValue("requestMessageId", "<a@example.org> Bcc: victim@example.org <b@example.org>"));

    for (FoiCase foi : List.of(longId, twoIds)) {
      MimeMessage acknowledgement = mail.about(foi.reference()).get(0);
      assertThat(acknowledgement.getHeader("In-Reply-To")).as(foi.reference()).isNull();
      assertThat(acknowledgement.getHeader("References")).as(foi.reference()).isNull();
    }
  }

  @Test
  void anInternalReviewsLetterRepliesInTheRequestsThreadToo() throws Exception {
    FoiCase foi = ReviewCase.closedCase(engine, anEmailedRequest("Rhys Reviewed"), "FOIA");
    ReviewCase review = ReviewCase.asked(engine, foi.reference(), LocalDate.now(ZoneId.of("Europe/London")))
        .decided(InternalReview.UPHOLD, "The names are of junior staff with no public-facing role.").letterChecked();

    MimeMessage reviewOutcome = mail.about(foi.reference()).stream().filter(email -> messageId(email)
        .startsWith("<letter1." + review.instance().getId())).findFirst().orElseThrow();
    assertThat(reviewOutcome.getAllRecipients()).extracting(Object::toString).containsExactly(WDTK_ADDRESS);
    assertThat(reviewOutcome.getHeader("In-Reply-To")).containsExactly(REQUEST_MESSAGE_ID);
    assertThat(reviewOutcome.getHeader("References")).containsExactly(REQUEST_MESSAGE_ID);

    // the case's letters and the review's, in the order sent
    JsonNode items = correspondenceOf(foi.reference());
    assertThat(items).extracting(item -> item.get("id").asText()).containsExactly(
        "letter1." + foi.instance().getId(), "letter2." + foi.instance().getId(),
        "letter1." + review.instance().getId());
    assertThat(items.get(2).get("attachments").get(0).get("href").asText())
        .isEqualTo("/api/requests/" + foi.reference() + "/review/letters/letter1.pdf");
  }

  private static String messageId(MimeMessage email) {
    try {
      return email.getMessageID();
    } catch (jakarta.mail.MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  void theCorrespondenceListsWhatWasFiledToTheCaseAndWhatItSentOldestFirst() throws Exception {
    Instant requestArrived = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    FoiCase foi = FoiCase.logged(engine, anEmailedRequest("Wendy Whatdo"));
    String reference = foi.reference();
    String request = filed(reference, "LOGGED", requestArrived, "Freedom of Information request - CCTV policy",
        "Dear council, please send your CCTV policy.");
    Instant replyArrived = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String reply = filed(reference, "FILED", replyArrived, "Re: " + reference + ": Your request for information",
        "Thank you. Here is my <b>earlier</b> letter.");
    jdbc.update("INSERT INTO foi_correspondence_attachment (correspondence_id, position, file_name, content_type,"
        + " size_bytes) VALUES (?, 0, 'earlier-letter.pdf', 'application/pdf', 1234)", reply);
    // not on the case's list: a message marked not a request, and one filed to another case
    filed(reference, "NOT_A_REQUEST", replyArrived, "Out of office", "I am away.");
    filed("FOI-1999-00001", "FILED", replyArrived, "Re: FOI-1999-00001", "Another case's reply.");

    JsonNode items = correspondenceOf(reference);

    assertThat(items).extracting(item -> item.get("direction").asText()).containsExactly("IN", "OUT", "IN");
    JsonNode in = items.get(0);
    assertThat(in.get("id").asText()).isEqualTo(request);
    assertThat(in.get("from").asText()).isEqualTo("Wendy Whatdo <" + WDTK_ADDRESS + ">");
    assertThat(in.get("to").asText()).isEqualTo("foi@example.gov.uk");
    assertThat(Instant.parse(in.get("at").asText())).isEqualTo(requestArrived);
    assertThat(in.get("attachments")).isEmpty();
    JsonNode acknowledgement = items.get(1);
    assertThat(acknowledgement.get("from").asText()).isEqualTo("foi@example.gov.uk");
    assertThat(acknowledgement.get("to").asText()).isEqualTo(WDTK_ADDRESS);
    assertThat(acknowledgement.get("subject").asText()).isEqualTo(reference + ": Your request for information");
    assertThat(acknowledgement.get("status").asText()).isEqualTo("SENT");
    assertThat(acknowledgement.get("attachments").get(0).get("fileName").asText()).isEqualTo(reference + ".pdf");
    String letterPdf = acknowledgement.get("attachments").get(0).get("href").asText();
    assertThat(letterPdf).isEqualTo("/api/requests/" + reference + "/letters/letter1.pdf");
    assertThat(get(letterPdf, "maya", "demo").statusCode()).isEqualTo(200);
    JsonNode answer = items.get(2);
    assertThat(answer.get("id").asText()).isEqualTo(reply);
    assertThat(answer.get("subject").asText()).isEqualTo("Re: " + reference + ": Your request for information");
    assertThat(answer.get("attachments").get(0).get("fileName").asText()).isEqualTo("earlier-letter.pdf");
    assertThat(answer.get("attachments").get(0).get("size").asLong()).isEqualTo(1234);
    assertThat(answer.get("attachments").get(0).get("href").asText())
        .isEqualTo("/api/correspondence/" + reply + "/attachments/0");
  }

  /** An email from the WhatDoTheyKnow-style address to the FOI mailbox, as its raw bytes; inReplyTo may be null. */
  private static byte[] email(String subject, String text, String inReplyTo, String attachmentName) throws Exception {
    MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
    MimeMessageHelper email = new MimeMessageHelper(message, true, "UTF-8");
    email.setFrom(WDTK_ADDRESS, "Wendy Whatdo");
    email.setTo("foi@example.gov.uk");
    email.setSubject(subject);
    email.setText(text);
    if (attachmentName != null) {
      email.addAttachment(attachmentName, new ByteArrayResource("Paid £10".getBytes(StandardCharsets.UTF_8)), "text/plain");
    }
    if (inReplyTo != null) {
      message.setHeader("In-Reply-To", inReplyTo);
    }
    message.saveChanges();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    return raw.toByteArray();
  }

  @Test
  void aRequestEmailedToTheMailboxAndLoggedFromSortCorrespondenceIsAcknowledgedInItsThread() throws Exception {
    byte[] raw = email("Grit bins", "Please tell me how many grit bins the council filled in 2025.", null, null);
    String requestMessageId = new MimeMessage(null, new java.io.ByteArrayInputStream(raw)).getMessageID();
    String id = mailFiling.file(raw, "foi@example.gov.uk/INBOX/7/" + UUID.randomUUID(), Instant.now()).orElseThrow();
    String sorting = jdbc.queryForObject("SELECT process_instance_id FROM foi_correspondence WHERE id = ?",
        String.class, id);
    String sortTask = engine.getTaskService().createTaskQuery().processInstanceId(sorting)
        .taskDefinitionKey("SortCorrespondence").singleResult().getId();

    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> engine.getTaskService().complete(sortTask,
        java.util.Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA")));

    String reference = jdbc.queryForObject("SELECT reference FROM foi_correspondence WHERE id = ?", String.class, id);
    MimeMessage acknowledgement = mail.about(reference).get(0);
    assertThat(acknowledgement.getAllRecipients()).extracting(Object::toString).containsExactly(WDTK_ADDRESS);
    assertThat(acknowledgement.getHeader("In-Reply-To")).containsExactly(requestMessageId);
    assertThat(acknowledgement.getHeader("References")).containsExactly(requestMessageId);
    JsonNode items = correspondenceOf(reference);
    assertThat(items).extracting(item -> item.get("direction").asText()).containsExactly("IN", "OUT");
    assertThat(items.get(0).get("id").asText()).isEqualTo(id);
    assertThat(items.get(0).get("subject").asText()).isEqualTo("Grit bins");
    assertThat(items.get(1).get("to").asText()).isEqualTo(WDTK_ADDRESS);
  }

  @Test
  void aReplyToTheAcknowledgementFiledFromTheMailboxJoinsTheCasesCorrespondence() throws Exception {
    FoiCase foi = FoiCase.logged(engine, anEmailedRequest("Wendy Whatdo"));
    MimeMessage acknowledgement = mail.about(foi.reference()).get(0);
    // the requester answers in the thread, without the reference in the subject, with a file
    byte[] raw = email("Re: Your request", "Thank you, here is the receipt you asked for.", acknowledgement.getMessageID(),
        "receipt.txt");

    String id = mailFiling.file(raw, "foi@example.gov.uk/INBOX/7/" + UUID.randomUUID(), Instant.now())
        .orElseThrow();

    JsonNode items = correspondenceOf(foi.reference());
    assertThat(items).extracting(item -> item.get("direction").asText()).containsExactly("OUT", "IN");
    JsonNode in = items.get(1);
    assertThat(in.get("id").asText()).isEqualTo(id);
    assertThat(in.get("from").asText()).isEqualTo("Wendy Whatdo <" + WDTK_ADDRESS + ">");
    assertThat(in.get("subject").asText()).isEqualTo("Re: Your request");
    assertThat(in.get("attachments").get(0).get("fileName").asText()).isEqualTo("receipt.txt");
    assertThat(in.get("attachments").get(0).get("href").asText()).isEqualTo("/api/correspondence/" + id + "/attachments/0");
  }

  @Test
  void aLetterTheMailServerHasNotAcceptedYetIsWaitingAndOneWithoutAnEmailAddressGoesByPost() throws Exception {
    FoiCase emailed = FoiCase.logged(engine, anEmailedRequest("Wally Waiting"));
    // as if the mail server had not accepted it yet
    jdbc.update("UPDATE foi_letter_dispatch SET sent_at = NULL WHERE process_instance_id = ?", emailed.instance().getId());
    FoiCase posted = FoiCase.logged(engine, FoiCase.aRequest("Polly Post", LocalDate.now(ZoneId.of("Europe/London")))
        .putValue("requesterEmail", null).putValue("requesterAddress", "1 High Street\nExampleton EX1 2AB"));

    JsonNode waiting = correspondenceOf(emailed.reference()).get(0);
    assertThat(waiting.get("status").asText()).isEqualTo("WAITING");
    assertThat(waiting.get("to").asText()).isEqualTo(WDTK_ADDRESS);
    JsonNode byPost = correspondenceOf(posted.reference()).get(0);
    assertThat(byPost.get("direction").asText()).isEqualTo("OUT");
    assertThat(byPost.get("status").asText()).isEqualTo("BY_POST");
    assertThat(byPost.get("to").asText()).isEqualTo("Polly Post (by post)");
    assertThat(byPost.get("subject").asText()).isEqualTo(posted.reference() + ": Your request for information");
  }

  @Test
  void theCorrespondenceOfAnUnknownCaseIsNotFoundAndRefusedToSomeoneOutsideTheFoiTeam() throws Exception {
    HttpResponse<String> unknown = get("/api/requests/FOI-1999-99999/correspondence", "maya", "demo");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));

    Outsider.signedUp(identityService);
    FoiCase foi = FoiCase.logged(engine, anEmailedRequest("Otto Outside"));
    HttpResponse<String> refused = get("/api/requests/" + foi.reference() + "/correspondence", Outsider.USER,
        Outsider.PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(WDTK_ADDRESS, "Exception");
  }
}
