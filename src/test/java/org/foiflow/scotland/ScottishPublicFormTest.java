package org.foiflow.scotland;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.foiflow.casefile.CaseVariable;
import org.foiflow.publicrequest.PublicFormVisitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A Scottish authority's public request form: it names the Scottish Act and Regulations, offers no Welsh (Welsh
 * letters are for Welsh bodies under FOIA and the EIR), and logs requests under FOISA, or the EISR when the person
 * says the request is environmental.
 */
@ScottishAuthority
class ScottishPublicFormTest {

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  RuntimeService runtimeService;

  @Test
  void theScottishFormNamesFoisaAndTheEisrAndOffersNoWelsh() throws Exception {
    PublicFormVisitor visitor = new PublicFormVisitor(port, context);

    for (String address : new String[] {"/request", "/request?lang=cy"}) {
      Document page = visitor.open(address).page();
      assertThat(page.selectFirst("html").attr("lang")).as(address).isEqualTo("en-GB");
      assertThat(page.selectFirst("h1").text()).isEqualTo("Make a freedom of information request");
      assertThat(page.selectFirst("#law").text())
          .isEqualTo("You have this right under the Freedom of Information (Scotland) Act 2002 (FOISA).");
      assertThat(page.selectFirst("#environmental-hint").text())
          .contains("the Environmental Information (Scotland) Regulations 2004 (EISR)");
      assertThat(page.body().text()).doesNotContain("Freedom of Information Act 2000", "Cymraeg",
          "Environmental Information Regulations 2004");
      assertThat(page.select("nav.foiflow-language-toggle, [hreflang], input[name=language]")).as(address).isEmpty();
      assertThat(page.selectFirst("form[method=post]").attr("action")).isEqualTo("/request");
    }
  }

  @Test
  void anEnvironmentalRequestOnTheScottishFormIsLoggedUnderTheEisrInEnglishEvenIfWelshIsSent() throws Exception {
    String name = "Morag Public " + System.nanoTime();
    Map<String, String> answers = PublicFormVisitor.answers(name, "morag.public@example.scot", "",
        "Air quality readings on Leith Walk for 2026. " + name, "YES", "cy");

    PublicFormVisitor.Answer sent = new PublicFormVisitor(port, context).send("/request?lang=cy", answers);

    assertThat(sent.status()).isEqualTo(302);
    ProcessInstance started = runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariable.REQUESTER_NAME.key(), name).singleResult();
    Map<String, Object> variables = runtimeService.getVariables(started.getId());
    assertThat(variables).containsEntry(CaseVariable.REGIME.key(), "EISR")
        .containsEntry(CaseVariable.LANGUAGE.key(), "en");
  }
}
