package org.foiflow.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.foiflow.clock.CaseClock;
import org.foiflow.clock.UkWorkingDays;
import org.foiflow.correspondence.MailServerForTests;
import org.foiflow.drafting.LetterFormats;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Third-party consultation (s.45 Code of Practice) through the real engine, one scenario per path: the third party
 * objects, consents, or does not reply in time; the letter goes to them alone; bad answers are refused naming the
 * field, by the Java API and /engine-rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
class ThirdPartyConsultationTest {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 2);
  private static final String REQUESTER = "Jane Requester";
  private static final String REQUESTER_EMAIL = "jane.requester@example.org";
  private static final String DETAILS = "The pricing schedule (schedule 4) of the leisure centres management contract.";

  @RegisterExtension
  static final MailServerForTests mail = MailServerForTests.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    mail.sendTo(properties);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseClock clock;
  @Autowired
  UkWorkingDays workingDays;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void engineInTheseTests() {
    BpmnAwareTests.init(engine);
  }

  private FoiCase atAssessment() {
    return FoiCase.logged(engine, FoiCase.aRequest(REQUESTER, RECEIVED)).validAndHeld().located();
  }

  private LocalDate today() {
    return clock.today();
  }

  @Test
  void thirdPartyObjectsUnderSection43AndTheRefusalLetterSaysSo() {
    FoiCase foi = atAssessment().consultedThirdParty("S43", DETAILS);
    assertThat(foi.instance()).hasPassed("SendConsultationLetter").isWaitingAt("RecordThirdPartyView");
    LocalDate replyDue = workingDays.addWorkingDays(today(), 10);
    assertThat(foi.variable("consultationReplyDueOn")).isEqualTo(replyDue.toString());
    assertThat(foi.task("RecordThirdPartyView").getDueDate()).isEqualTo(clock.endOf(replyDue));

    foi.thirdPartyObjected(today(), "Release would show our unit prices to competitors bidding for the renewal.");
    assertThat(foi.instance()).hasPassed("FileConsultation").isWaitingAt("AssessExemptions");
    assertThat(foi.variable("consultThirdParty")).isEqualTo(false);
    String summary = String.valueOf(foi.variable("consultationSummary"));
    assertThat(summary).contains("Consulted " + FoiCase.CONSULTEE_NAME + " (their commercial interests) on "
        + LetterFormats.INSTANCE.date(today())).contains("They objected to disclosure").contains("unit prices");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> consultations = (List<Map<String, Object>>) foi.variable("consultations");
    assertThat(consultations).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("view", "OBJECTS").containsEntry("interest", "S43")
        .containsEntry("consulteeEmail", FoiCase.CONSULTEE_EMAIL).containsEntry("askedOn", today().toString())
        .containsEntry("replyDueOn", replyDue.toString()).containsEntry("viewReceivedOn", today().toString())
        .containsEntry("letterId", "letter2"));

    // the officer assesses again knowing the view, and refuses under s.43(2)
    foi.assessed("WITHHOLD", "s43-2").harmShown("WOULD_BE_LIKELY").publicInterestBalanced("WITHHOLD");
    assertThat(foi.variable("outcome")).isEqualTo("WITHHELD_IN_FULL");
    String letter = String.valueOf(foi.variable("draftLetterText"));
    assertThat(letter).contains("we consulted a third party whose commercial interests the information concerns")
        .contains("They objected to the release of the information.")
        .contains("the decision whether to release the information was ours alone")
        .doesNotContain(FoiCase.CONSULTEE_NAME).doesNotContain(FoiCase.CONSULTEE_EMAIL);
    foi.approved();
    assertThat(foi.instance()).isEnded();
  }

  @Test
  void thirdPartyConsentsAndTheFullDisclosureLetterSaysSo() {
    FoiCase foi = atAssessment().consultedThirdParty("S41", DETAILS)
        .thirdPartyConsented(today(), "No objection: the figures are now out of date.");
    assertThat(String.valueOf(foi.variable("consultationSummary")))
        .contains("(information they gave us in confidence)").contains("They consented to disclosure");

    foi.assessed("FULL");
    assertThat(foi.instance()).isWaitingAt("ApproveResponse");
    assertThat(String.valueOf(foi.variable("draftLetterText")))
        .contains("we consulted a third party who gave us some of the information in confidence")
        .contains("They consented to the release of the information.")
        .doesNotContain(FoiCase.CONSULTEE_NAME);
  }

  @Test
  void noReplyInTimeIsRecordedAndTheCaseGoesBackToAssessment() {
    FoiCase foi = atAssessment().consultedThirdParty("PERSONAL_DATA", "The names of the evaluation panel.");
    LocalDate replyDue = workingDays.addWorkingDays(today(), 10);

    execute(job("ConsultationPeriodOver", foi.instance()));

    assertThat(foi.instance()).hasPassed("RecordNoReply", "FileConsultation").isWaitingAt("AssessExemptions");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> consultations = (List<Map<String, Object>>) foi.variable("consultations");
    assertThat(consultations).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("view", "NO_REPLY").containsEntry("viewReceivedOn", null));
    assertThat(String.valueOf(foi.variable("consultationSummary")))
        .contains("They did not reply by " + LetterFormats.INSTANCE.date(replyDue));

    foi.assessed("PART", "s40-2");
    assertThat(String.valueOf(foi.variable("draftLetterText")))
        .contains("whose personal data the information includes")
        .contains("They did not reply in the time we gave them.");
  }

  @Test
  void theConsultationLetterIsEmailedToTheThirdPartyAloneWithItsPdf() throws Exception {
    FoiCase foi = atAssessment().consultedThirdParty("S43", DETAILS);

    List<MimeMessage> toConsultee = emailsTo(FoiCase.CONSULTEE_EMAIL);
    assertThat(toConsultee).hasSize(1);
    MimeMessage letter = toConsultee.get(0);
    assertThat(letter.getSubject()).isEqualTo(foi.reference() + ": Request for your views on the release of information");
    assertThat(letter.getHeader("In-Reply-To")).isNull();
    String body = GreenMailUtil.getBody(letter);
    String due = LetterFormats.INSTANCE.date(workingDays.addWorkingDays(today(), 10));
    String pdf = pdfText(letter);
    for (String text : List.of(body, pdf.replaceAll("\\s+", " "))) {
      assertThat(text).contains("Dear " + FoiCase.CONSULTEE_NAME).contains("pricing schedule (schedule 4)")
          .contains("Section 43(2)").contains(due).contains("The decision whether to release the information is ours")
          .doesNotContain(REQUESTER).doesNotContain(REQUESTER_EMAIL);
    }
    assertThat(pdf).contains(foi.reference());
    // the requester gets their acknowledgement, never the consultation letter
    assertThat(emailsTo(REQUESTER_EMAIL)).isNotEmpty()
        .allSatisfy(email -> assertThat(email.getSubject()).doesNotContain("Request for your views"));
  }

  @Test
  void aConsultationWithoutItsDetailsIsRefusedNamingEachFieldThroughTheJavaApi() {
    FoiCase foi = atAssessment();

    assertThatThrownBy(() -> foi.complete("AssessExemptions", FoiCase.OFFICER, Map.of(
        "disclosureScope", "WITHHOLD", "exemptions", List.of("s43-2"), "assessmentNotes", "Commercial.",
        "consultThirdParty", true, "consulteeName", FoiCase.CONSULTEE_NAME, "consulteeEmail", "not an address",
        "consulteeInterest", "S43")))
        .hasMessageContaining("consulteeEmail is not an email address")
        .hasMessageContaining("consultationDetails is required").hasMessageNotContaining("consulteeName")
        .hasMessageNotContaining("consulteeInterest");
    assertThat(foi.instance()).isWaitingAt("AssessExemptions").hasNotPassed("SendConsultationLetter");
    assertThat(emailsTo(FoiCase.CONSULTEE_EMAIL)).isEmpty();
  }

  @Test
  void aConsultationWithABadEmailIsRefusedNamingTheFieldThroughTheEngineRestApi() throws Exception {
    FoiCase foi = atAssessment();
    String task = foi.task("AssessExemptions").getId();
    assertThat(asOfficer("POST", "/task/" + task + "/claim", "{\"userId\":\"" + FoiCase.OFFICER + "\"}").statusCode())
        .isEqualTo(204);

    HttpResponse<String> refused = asOfficer("POST", "/task/" + task + "/complete", "{\"variables\":{"
        + "\"disclosureScope\":{\"value\":\"WITHHOLD\"},"
        + "\"exemptions\":{\"value\":\"[\\\"s43-2\\\"]\",\"type\":\"Json\"},"
        + "\"assessmentNotes\":{\"value\":\"Commercial.\"},"
        + "\"consultThirdParty\":{\"value\":true},"
        + "\"consulteeName\":{\"value\":\"Acme Leisure Ltd\"},"
        + "\"consulteeEmail\":{\"value\":\"contracts at acme\"},"
        + "\"consulteeInterest\":{\"value\":\"S43\"},"
        + "\"consultationDetails\":{\"value\":\"The pricing schedule.\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.path("errors").path("consulteeEmail").asText()).isEqualTo("is not an email address");
    assertThat(refused.body()).doesNotContain("ENGINE-", "Exception");
    assertThat(foi.task("AssessExemptions").getId()).isEqualTo(task);
  }

  @Test
  void aViewWithoutWhatTheySaidOrWithAFutureDateIsRefusedNamingTheField() throws Exception {
    FoiCase foi = atAssessment().consultedThirdParty("S43", DETAILS);

    assertThatThrownBy(() -> foi.complete("RecordThirdPartyView", FoiCase.OFFICER, Map.of(
        "thirdPartyView", "OBJECTS", "thirdPartyViewReceivedOn", FoiCase.typed(today()))))
        .hasMessageContaining("thirdPartyViewSummary is required").hasMessageNotContaining("thirdPartyViewReceivedOn");
    assertThatThrownBy(() -> foi.thirdPartyObjected(today().minusDays(1), "We object."))
        .hasMessageContaining("thirdPartyViewReceivedOn cannot be before " + LetterFormats.INSTANCE.date(today()));
    String task = foi.task("RecordThirdPartyView").getId();
    assertThat(asOfficer("POST", "/task/" + task + "/claim", "{\"userId\":\"" + FoiCase.OFFICER + "\"}").statusCode())
        .as("claimed by the Java API call above: the same user may claim it again").isEqualTo(204);
    HttpResponse<String> refused = asOfficer("POST", "/task/" + task + "/complete", "{\"variables\":{"
        + "\"thirdPartyView\":{\"value\":\"CONSENTS\"},"
        + "\"thirdPartyViewSummary\":{\"value\":\"Fine by us.\"},"
        + "\"thirdPartyViewReceivedOn\":{\"value\":\"" + FoiCase.typed(today().plusDays(3)) + "\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("errors").has("thirdPartyViewReceivedOn")).as(refused.body()).isTrue();
    assertThat(foi.task("RecordThirdPartyView").getId()).isEqualTo(task);
  }

  private HttpResponse<String> asOfficer(String method, String path, String body) throws Exception {
    return http.send(BasicAuthCalls.jsonRequest("http://localhost:" + port + "/engine-rest/engine/" + engine.getName()
        + path, method, body, FoiCase.OFFICER, "demo").build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<MimeMessage> emailsTo(String address) {
    return Arrays.stream(mail.received()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
      } catch (MessagingException unreadable) {
        throw new IllegalStateException(unreadable);
      }
    }).toList();
  }

  private static String pdfText(MimeMessage message) throws MessagingException, IOException {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if ("application/pdf".equalsIgnoreCase(part.getContentType().split(";")[0].trim())) {
        try (PDDocument pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
          return new PDFTextStripper().getText(pdf);
        }
      }
    }
    throw new AssertionError("no PDF attached to " + message.getSubject());
  }
}
