package org.foiflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The shape of a case's status in the API: fields that only some cases have are left out for the others. */
class RequestStatusJsonTest {

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

  @Test
  void anOpenCaseShowsNoOutcome() throws Exception {
    RequestStatus open = new RequestStatus("FOI-2026-00001", "p1", List.of("Triage"), "2026-05-01", null, null,
        "RUNNING", null, "FOIA", "Potholes", null, "2026-05-20", Map.of());
    assertThat(json.writeValueAsString(open)).isEqualTo("{\"reference\":\"FOI-2026-00001\",\"processInstanceId\":\"p1\","
        + "\"stage\":[\"Triage\"],\"receivedOn\":\"2026-05-01\",\"dueOn\":null,\"workingDaysRemaining\":null,"
        + "\"clock\":\"RUNNING\",\"regime\":\"FOIA\",\"subject\":\"Potholes\"}");
  }

  @Test
  void aClosedCaseShowsItsOutcomeAndResponseDateEvenWhenItHasNone() throws Exception {
    RequestStatus lapsed = new RequestStatus("FOI-2026-00002", "p2", List.of(), "2026-05-01", "2026-05-29", 0,
        "STOPPED", "waiting for clarification", "EIR", "Bins", "LAPSED", null, Map.of("kind", "EIR_COMPLEX"));
    assertThat(json.writeValueAsString(lapsed)).isEqualTo("{\"reference\":\"FOI-2026-00002\",\"processInstanceId\":\"p2\","
        + "\"stage\":[],\"receivedOn\":\"2026-05-01\",\"dueOn\":\"2026-05-29\",\"workingDaysRemaining\":0,"
        + "\"clock\":\"STOPPED\",\"clockPausedReason\":\"waiting for clarification\",\"regime\":\"EIR\","
        + "\"subject\":\"Bins\",\"extension\":{\"kind\":\"EIR_COMPLEX\"},\"outcome\":\"LAPSED\",\"respondedOn\":null}");
  }
}
