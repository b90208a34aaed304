package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
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
 * A real SMTP server (GreenMail, with authentication on) that refuses our email: it answers 535 to the wrong
 * password. A refusal is permanent, so the letter goes by post at once, as a "Print and post" task, and the outbox
 * stops trying it; however often the dispatch then runs, there is one task.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class LetterByPostWhenTheEmailServerRefusesTest {

  static final GreenMail smtp = refusingServer();

  private static GreenMail refusingServer() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.withConfiguration(GreenMailConfiguration.aConfig().withUser("foiflow", "the-right-password"));
    server.start();
    return server;
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    MailServerForTests.sendTo(smtp, properties);
    properties.add("spring.mail.username", () -> "foiflow");
    properties.add("spring.mail.password", () -> "a-wrong-password");
    properties.add("spring.mail.properties.mail.smtp.auth", () -> "true");
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  LetterOutbox outbox;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aRefusedEmailGoesByPostAtOnceAndItsTaskIsCreatedOnceHoweverOftenTheDispatchRuns() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Rita Refused", LocalDate.now()));
    String caseId = foi.instance().getId();

    Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY)
        .processInstanceBusinessKey(foi.reference()).singleResult();
    assertThat(task).as("a Print and post task after the first refusal").isNotNull();
    assertThat(task.getName()).isEqualTo("Print and post – " + foi.reference() + " (acknowledgement)");
    assertThat((String) engine.getTaskService().getVariable(task.getId(), PostVariable.POST_REASON.key()))
        .startsWith("The email server refused the email: 535");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // the dispatch runs again, here and as if on another node after the lease: nothing is sent, no second task
    outbox.deliver(caseId, "letter1");
    jdbc.update("UPDATE foi_letter_dispatch SET queued_at = queued_at - INTERVAL '1' HOUR WHERE process_instance_id = ?",
        caseId);
    outbox.deliverOverdue();
    outbox.deliverOverdue();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(LettersByPost.PROCESS_KEY).processInstanceBusinessKey(foi.reference()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT attempts FROM foi_letter_dispatch WHERE process_instance_id = ?",
        Integer.class, caseId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE process_instance_id = ?"
        + " AND gave_up_at IS NOT NULL AND sent_at IS NULL", Integer.class, caseId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT reason FROM foi_letter_post WHERE process_instance_id = ?",
        String.class, caseId)).isEqualTo(PostReason.EMAIL_REFUSED.name());
  }

  @Test
  void aRefusedConsultationLetterNeverGoesToTheRequestersPostRoute() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Rhys Refused", LocalDate.now())).validAndHeld().located()
        .consultedThirdParty("S43", "The pricing schedule of the leisure contract.");
    String caseId = foi.instance().getId();
    outbox.deliverOverdue();

    // the third party's letter (letter2) is given up, not posted: a post task would carry the requester's address
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_letter_dispatch WHERE process_instance_id = ?"
        + " AND letter_id = 'letter2' AND gave_up_at IS NOT NULL AND sent_at IS NULL", Integer.class, caseId)).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT letter_id FROM foi_letter_post WHERE process_instance_id = ?", String.class,
        caseId)).containsExactly("letter1");
    assertThat(foi.task("RecordThirdPartyView")).isNotNull();
  }
}
