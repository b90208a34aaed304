package org.foiflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.casefile.CaseDataInvalidException;
import org.foiflow.casefile.Language;
import org.foiflow.incoming.MailboxMessages.Email;
import org.foiflow.incoming.MailboxMessages.Filed;
import org.foiflow.mailbox.MailFiling;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A request that arrives by email in Welsh: Sort correspondence offers Welsh letters already chosen (SortingRules'
 * heuristic: several common Welsh words making a good share of the message), the officer confirms, and the new case
 * keeps language cy, which Triage shows read-only (a language sent with the triage answers is dropped, whatever the
 * route); a language foiflow does not write in is refused naming the field. The heuristic's own cases
 * first, without the engine's help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class SortingWelshCorrespondenceTest {

  private static final String WELSH_REQUEST = "Annwyl Swyddog Rhyddid Gwybodaeth,\n\nHoffwn gael gwybodaeth am faint o "
      + "goed a blannwyd gan y cyngor yn ystod 2025, os gwelwch yn dda.\n\nDiolch yn fawr,\nCeri Jones";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailFiling filing;

  private MailboxMessages mailbox;

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
    mailbox = new MailboxMessages(engine, jdbc, filing);
  }

  @Test
  void aMessageReadsAsWelshOnlyWhenSeveralCommonWelshWordsMakeAGoodShareOfIt() {
    assertThat(SortingRules.languageOf(WELSH_REQUEST)).isEqualTo(Language.CY);
    assertThat(SortingRules.languageOf("Cais rhyddid gwybodaeth\nA oes gan y cyngor gynllun ar gyfer ynni'r haul?"))
        .isEqualTo(Language.CY);
    // curly apostrophes, capitals and a bilingual message with the Welsh first
    assertThat(SortingRules.languageOf("ANNWYL SYR, mae’r cais hwn yn gofyn am gopi o’r adroddiad. Diolch.\n"
        + "Dear Sir, this request asks for a copy of the report. Thank you.")).isEqualTo(Language.CY);
    assertThat(SortingRules.languageOf("Please tell me how many grit bins the council filled in 2025. Thank you."))
        .isEqualTo(Language.EN);
    // an English message with a Welsh greeting, place and sign-off is still English
    assertThat(SortingRules.languageOf("Annwyl Sir, please send me the minutes of the Cyngor Tref Llanfair planning "
        + "committee for March 2025, and any reports presented to it. Many thanks, and diolch, Sam"))
        .isEqualTo(Language.EN);
    assertThat(SortingRules.languageOf("")).isEqualTo(Language.EN);
    assertThat(SortingRules.languageOf(null)).isEqualTo(Language.EN);
  }

  @Test
  void aRequestEmailedInWelshIsOfferedWelshLettersAndBecomesAWelshCase() throws Exception {
    Filed filed = mailbox.file(Email.from("Ceri Jones", "ceri@example.cymru", "Cais rhyddid gwybodaeth: coed",
        WELSH_REQUEST + " " + System.nanoTime()), Instant.now());
    Task sort = sortTask(filed);
    assertThat(engine.getTaskService().getVariables(sort.getId())).containsEntry("language", "cy");

    complete(sort, Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA"));

    assertThat(filed.process()).hasPassed("LogAsNewRequest");
    ProcessInstance foiCase = caseOf(filed);
    assertThat(engine.getRuntimeService().getVariable(foiCase.getId(), "language")).isEqualTo("cy");

    // Triage shows the language read-only: sent with the triage answers through the engine's API, it is dropped
    Task triage = engine.getTaskService().createTaskQuery().processInstanceId(foiCase.getId())
        .taskDefinitionKey("Triage").singleResult();
    StaffDoors.Answer triaged = new StaffDoors(port, engine.getName()).engineRest("olivia", "POST",
        "/task/" + triage.getId() + "/complete", "{\"variables\":{\"regime\":{\"value\":\"FOIA\"},"
            + "\"validRequest\":{\"value\":true},\"subjectAccessRequest\":{\"value\":false},"
            + "\"clarificationNeeded\":{\"value\":false},\"vexatious\":{\"value\":false},"
            + "\"repeatedRequest\":{\"value\":false},\"informationHeld\":{\"value\":true},"
            + "\"feesPayable\":{\"value\":false},\"estimatedHours\":{\"value\":4},"
            + "\"language\":{\"value\":\"en\"}}}");
    assertThat(triaged.status()).as(triaged.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(triage.getId()).finished().count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(foiCase.getId(), "language")).isEqualTo("cy");
  }

  @Test
  void anEnglishRequestIsOfferedEnglishLettersAndTheOfficerMayChooseWelsh() {
    Filed filed = mailbox.file(Email.from("Rhys Price", "rhys@example.org", "Grit bins",
        "Please tell me how many grit bins the council filled in 2025. " + System.nanoTime()), Instant.now());
    Task sort = sortTask(filed);
    assertThat(engine.getTaskService().getVariables(sort.getId())).containsEntry("language", "en");

    complete(sort, Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA", "language", "cy"));

    assertThat(engine.getRuntimeService().getVariable(caseOf(filed).getId(), "language")).isEqualTo("cy");
  }

  @Test
  void aLanguageWeDoNotWriteInIsRefusedNamingTheField() {
    Filed filed = mailbox.file(Email.from("Rhys Price", "rhys@example.org", "Street lights",
        "How many street lights were replaced in 2025? " + System.nanoTime()), Instant.now());
    Task sort = sortTask(filed);

    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
        complete(sort, Map.of("sortedAs", "NEW_REQUEST", "regime", "FOIA", "language", "fr")));

    while (refused != null && !(refused instanceof CaseDataInvalidException)) {
      refused = refused.getCause();
    }
    assertThat(refused).isInstanceOf(CaseDataInvalidException.class);
    assertThat(((CaseDataInvalidException) refused).problems()).containsOnlyKeys("language");
    assertThat(filed.process()).isWaitingAt(IncomingCorrespondence.SORT_CORRESPONDENCE);
  }

  private Task sortTask(Filed filed) {
    assertThat(filed.process()).isWaitingAt(IncomingCorrespondence.SORT_CORRESPONDENCE);
    return engine.getTaskService().createTaskQuery().processInstanceId(filed.process().getId())
        .taskDefinitionKey(IncomingCorrespondence.SORT_CORRESPONDENCE).singleResult();
  }

  private void complete(Task task, Map<String, Object> values) {
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> engine.getTaskService().complete(task.getId(), values));
  }

  private ProcessInstance caseOf(Filed filed) {
    String reference = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(filed.process().getId()).variableName("caseReference").singleResult().getValue();
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("foi-request")
        .processInstanceBusinessKey(reference).singleResult();
  }
}
