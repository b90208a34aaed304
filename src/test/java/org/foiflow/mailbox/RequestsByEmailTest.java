package org.foiflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.correspondence.CaseCorrespondence;
import org.foiflow.correspondence.CorrespondenceItem;
import org.foiflow.correspondence.CorrespondenceItem.Direction;
import org.foiflow.correspondence.MailServerForTests;
import org.foiflow.incoming.MailboxMessages;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole round trip with real mail servers, as a requester on WhatDoTheyKnow meets it: the request is emailed
 * (SMTP) to the FOI mailbox, read over IMAP into the holding pen, and logged by an officer from *Sort correspondence*;
 * the acknowledgement and the clarification request go back to the request's own reply address in its thread; the
 * requester's reply, whose subject carries the reference in a mangled form, is filed to the case and its waiting
 * task records the clarification, dated the day the reply arrived, with one choice.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class RequestsByEmailTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final String WHATDOTHEYKNOW = "request-4711-5c1e2a@whatdotheyknow.com";

  static final GreenMail mail = MailServerForTests.startedWithMailbox();

  @AfterAll
  static void stopMailServer() {
    mail.stop();
  }

  @DynamicPropertySource
  static void mailServers(DynamicPropertyRegistry properties) {
    MailServerForTests.readFrom(mail, properties);
    MailServerForTests.sendTo(mail, properties);
    properties.add("foiflow.mailbox.poll-interval", () -> "PT1H"); // the test polls itself
  }

  @Autowired
  MailboxPoller poller;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CaseCorrespondence correspondence;

  @Test
  void requestEmailedToTheMailboxIsLoggedFromTheHoldingPenClarifiedByReplyAndAnsweredAtItsExactAddress() throws Exception {
    poller.poll(); // whatever an earlier test left in the mailbox
    String requestId = "<wdtk-4711." + System.nanoTime() + "@whatdotheyknow.com>";
    MailServerForTests.sendRaw(mail, email(requestId, "Freedom of Information request - Gritting routes", "",
        "Dear Example Borough Council,\n\nPlease send me the gritting routes for winter 2025/26.\n\nYours faithfully,\nWren Asker"));

    assertThat(poller.poll()).as("messages filed").isEqualTo(1);
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM foi_correspondence WHERE message_id = ?", requestId);
    assertThat(row).containsEntry("status", "UNSORTED").containsEntry("reply_to", WHATDOTHEYKNOW);

    Task sort = engine.getTaskService().createTaskQuery()
        .processInstanceId((String) row.get("process_instance_id")).taskDefinitionKey("SortCorrespondence").singleResult();
    assertThat(sort.getName()).isEqualTo("Sort correspondence – Freedom of Information request - Gritting routes");
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> engine.getTaskService().complete(sort.getId(),
        Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA")));

    String reference = jdbc.queryForObject("SELECT reference FROM foi_correspondence WHERE message_id = ?",
        String.class, requestId);
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foi-request")
        .processInstanceBusinessKey(reference).singleResult();
    FoiCase foi = FoiCase.of(engine, started);
    assertThat(foi.variable("requesterName")).isEqualTo("Wren Asker");
    assertThat(foi.variable("channel")).isEqualTo("EMAIL");

    MimeMessage acknowledgement = toTheRequester(1).get(0);
    assertThat(acknowledgement.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly(WHATDOTHEYKNOW);
    assertThat(acknowledgement.getHeader("In-Reply-To")).containsExactly(requestId);
    assertThat(acknowledgement.getSubject()).contains(reference);

    foi.triagedAs(Map.of("clarificationNeeded", true,
        "clarificationQuestion", "Do you mean the routes for roads, footways, or both?"));
    MimeMessage clarificationRequest = toTheRequester(2).get(1);
    assertThat(clarificationRequest.getHeader("In-Reply-To")).containsExactly(requestId);

    // a mail server dates a message to the second (IMAP INTERNALDATE): a person never replies within the second the
    // letter left, but this test would, and the reply would then sort before the letter it answers
    Thread.sleep(1100);
    // the requester's client keeps the subject; WhatDoTheyKnow's users sometimes retype the reference loosely
    String[] number = reference.split("-");
    String replyId = "<wdtk-4711-reply." + System.nanoTime() + "@whatdotheyknow.com>";
    MailServerForTests.sendRaw(mail, email(replyId, "Re: your request FOI " + number[1] + " "
            + Integer.parseInt(number[2]), "In-Reply-To: " + clarificationRequest.getMessageID() + "\r\n",
        "Roads only, please."));
    assertThat(poller.poll()).isEqualTo(1);
    MailboxMessages.workJobsOf(engine, jdbc.queryForObject(
        "SELECT process_instance_id FROM foi_correspondence WHERE message_id = ?", String.class, replyId));
    LocalDate arrivedOn = LocalDate.ofInstant(((java.sql.Timestamp) jdbc.queryForObject(
        "SELECT received_at FROM foi_correspondence WHERE message_id = ?", java.sql.Timestamp.class, replyId))
        .toInstant(), LONDON);
    assertThat(jdbc.queryForMap("SELECT status, reference FROM foi_correspondence WHERE message_id = ?", replyId))
        .containsEntry("status", "FILED").containsEntry("reference", reference);

    foi.complete("AwaitingClarification", FoiCase.OFFICER, Map.of("requesterAnswer", "CLARIFIED"));
    assertThat(foi.variable("clarificationReceivedOn")).isEqualTo(arrivedOn.toString());
    assertThat(foi.variable("requestText")).isEqualTo("Roads only, please.");
    assertThat(foi.task("Triage")).as("the clock restarted and the clarified request is triaged").isNotNull();

    List<CorrespondenceItem> items = correspondence.of(reference, started.getId());
    assertThat(items).extracting(CorrespondenceItem::direction)
        .containsExactly(Direction.IN, Direction.OUT, Direction.OUT, Direction.IN);
    assertThat(items.get(1).to()).isEqualTo(WHATDOTHEYKNOW);
  }

  /** The emails sent to the request's WhatDoTheyKnow address, once there are this many, oldest first. */
  private static List<MimeMessage> toTheRequester(int expected) throws Exception {
    long until = System.currentTimeMillis() + 30_000;
    List<MimeMessage> received;
    do {
      received = Arrays.stream(mail.getReceivedMessages()).filter(RequestsByEmailTest::toWhatDoTheyKnow).toList();
      if (received.size() < expected) {
        Thread.sleep(100);
      }
    } while (received.size() < expected && System.currentTimeMillis() < until);
    assertThat(received).as("emails to " + WHATDOTHEYKNOW).hasSize(expected);
    return received;
  }

  private static boolean toWhatDoTheyKnow(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(WHATDOTHEYKNOW));
    } catch (jakarta.mail.MessagingException unreadable) {
      return false;
    }
  }

  /** An email as WhatDoTheyKnow sends it: from the requester's name at a per-request address that also takes replies. */
  private static byte[] email(String messageId, String subject, String extraHeaders, String text) {
    return ("Message-ID: " + messageId + "\r\n"
        + "From: \"Wren Asker\" <" + WHATDOTHEYKNOW + ">\r\n"
        + "Reply-To: " + WHATDOTHEYKNOW + "\r\n"
        + "To: " + MailServerForTests.FOI_MAILBOX + "\r\n"
        + extraHeaders
        + "Subject: " + subject + "\r\n"
        + "Date: Wed, 2 Dec 2026 09:30:00 +0000\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n" + text.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
