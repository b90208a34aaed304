package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.http.StaffBrowser;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A Scottish case's page: its law, and the extension the law allows (none under FOISA, reg 7 under the EISR). */
@ScottishAuthority
class ScottishCasePageTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  private String casePage(String regime) throws Exception {
    LocalDate received = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(2);
    FoiCase foi = FoiCase.logged(engine, ScottishCases.request("Eilidh Ross", received, regime));
    StaffBrowser officer = new StaffBrowser(port);
    officer.signIn(FoiCase.OFFICER, "demo");
    HttpResponse<String> page = officer.get("/cases/" + foi.reference());
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  @Test
  void aFoisaCaseSaysItsDeadlineCannotBeExtendedAndOffersNoForm() throws Exception {
    String page = casePage("FOISA");

    assertThat(page).contains("Freedom of Information (Scotland) Act 2002",
        "FOISA has no public interest extension: a Scottish authority must respond within 20 working days");
    assertThat(page).doesNotContain("href=\"#extend\"", "name=\"extendedDueOn\"", "s.10(3) FOIA");
  }

  @Test
  void anEisrCaseOffersTheRegulation7Extension() throws Exception {
    String page = casePage("EISR");

    assertThat(page).contains("Environmental Information (Scotland) Regulations 2004",
        "Complex and voluminous: 40 working days from receipt (reg 7(1) EISR)", "href=\"#extend\"");
  }
}
