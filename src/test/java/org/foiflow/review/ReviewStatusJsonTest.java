package org.foiflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The shape of a review in the API: every fact, set or not; the outcome only once the review is completed. */
class ReviewStatusJsonTest {

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

  @Test
  void aReviewUnderWayShowsNoOutcome() throws Exception {
    Map<String, Object> values = new HashMap<>(Map.of("reviewReceivedOn", "2026-06-01", "regime", "FOIA",
        "reconsideration", false, "lateRequest", false, "workingDaysSinceResponse", 3, "reviewDueOn", "2026-06-29",
        "reviewLimitOn", "2026-07-27", "reviewExtended", false, "reviewOutcome", "UPHELD"));
    assertThat(json.writeValueAsString(ReviewStatus.of("FOI-2026-00001", "r1", values, List.of("ConductReview"))))
        .isEqualTo("{\"reference\":\"FOI-2026-00001\",\"reviewProcessInstanceId\":\"r1\","
            + "\"letters\":\"/api/requests/FOI-2026-00001/review/letters\",\"receivedOn\":\"2026-06-01\","
            + "\"regime\":\"FOIA\",\"reconsideration\":false,\"lateRequest\":false,\"workingDaysSinceResponse\":3,"
            + "\"dueOn\":\"2026-06-29\",\"limitOn\":\"2026-07-27\",\"extended\":false,\"stage\":[\"ConductReview\"]}");
  }

  @Test
  void aCompletedReviewShowsItsOutcomeWithAnEmptyRevisedOutcome() throws Exception {
    Map<String, Object> values = Map.of("reviewOutcome", "UPHELD", "reviewCompletedOn", "2026-06-20");
    assertThat(json.writeValueAsString(ReviewStatus.of("FOI-2026-00001", "r1", values, List.of())))
        .endsWith("\"extended\":null,\"stage\":[],\"outcome\":\"UPHELD\",\"revisedOutcome\":null,"
            + "\"completedOn\":\"2026-06-20\"}");
  }

  @Test
  void aCompletedScottishReviewSaysWhatItDecidedUnderSection214AndWhenTheCommissionerMustBeAskedBy() throws Exception {
    Map<String, Object> values = Map.of("regime", "FOISA", "respondedOn", "2026-05-01", "reviewOutcome",
        "OVERTURNED_IN_PART", "revisedOutcome", "GRANTED_IN_PART", "reviewCompletedOn", "2026-08-31");
    assertThat(json.writeValueAsString(ReviewStatus.of("FOI-2026-00001", "r1", values, List.of())))
        .endsWith("\"outcome\":\"OVERTURNED_IN_PART\",\"revisedOutcome\":\"GRANTED_IN_PART\","
            + "\"completedOn\":\"2026-08-31\",\"statutoryOutcome\":\"Decision confirmed with modifications "
            + "(section 21(4)(a))\",\"applyToCommissionerBy\":\"2027-02-28\"}");
  }

  @Test
  void aScottishReviewOfARequestNeverAnsweredReachesADecision() throws Exception {
    Map<String, Object> values = Map.of("regime", "EISR", "reviewOutcome", "OVERTURNED_IN_FULL",
        "reviewCompletedOn", "2026-08-31");
    assertThat(json.writeValueAsString(ReviewStatus.of("FOI-2026-00001", "r1", values, List.of())))
        .contains("\"statutoryOutcome\":\"Decision reached where none had been made (section 21(4)(c))\"");
  }
}
