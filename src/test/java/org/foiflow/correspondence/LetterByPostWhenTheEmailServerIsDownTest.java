package org.foiflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The configured SMTP server is down (a real GreenMail, stopped): the outbox tries again, and after
 * foiflow.letters.dispatch-attempts failures (2 here) the letter goes by post as a "Print and post" task, once.
 */
@SpringBootTest(properties = "foiflow.letters.dispatch-attempts=2")
@ActiveProfiles({"test", "demo"})
class LetterByPostWhenTheEmailServerIsDownTest {

  static final GreenMail smtp = MailServerForTests.started().server();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    String host = smtp.getSmtp().getBindTo();
    int port = smtp.getSmtp().getPort();
    // its address is known; now nothing answers there
    smtp.stop();
    properties.add("spring.mail.host", () -> host);
    properties.add("spring.mail.port", () -> port);
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  LetterOutbox outbox;
  @Autowired
  JdbcTemplate jdbc;

  private long printAndPostTasks(String reference) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY)
        .processInstanceBusinessKey(reference).count();
  }

  @Test
  void anEmailThatKeepsFailingGoesByPostAfterTheLastAttemptOnce() {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Dan Down", LocalDate.now()));
    String caseId = foi.instance().getId();
    // the first attempt, after the registration's commit, failed: it is tried again, not yet posted
    assertThat(printAndPostTasks(foi.reference())).isZero();

    outbox.deliver(caseId, "letter1");

    assertThat(printAndPostTasks(foi.reference())).isEqualTo(1);
    Task task = engine.getTaskService().createTaskQuery().processDefinitionKey(LettersByPost.PROCESS_KEY)
        .processInstanceBusinessKey(foi.reference()).singleResult();
    assertThat((String) engine.getTaskService().getVariable(task.getId(), PostVariable.POST_REASON.key()))
        .startsWith("The email could not be sent");

    outbox.deliver(caseId, "letter1");
    jdbc.update("UPDATE foi_letter_dispatch SET queued_at = queued_at - INTERVAL '1' HOUR WHERE process_instance_id = ?",
        caseId);
    outbox.deliverOverdue();
    assertThat(printAndPostTasks(foi.reference())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT attempts FROM foi_letter_dispatch WHERE process_instance_id = ?",
        Integer.class, caseId)).isEqualTo(2);
  }
}
