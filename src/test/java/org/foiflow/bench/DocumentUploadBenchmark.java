package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.documents.DocumentCalls;
import org.foiflow.documents.SampleFiles;
import org.foiflow.process.FoiCase;
import org.foiflow.security.StaffDoors.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Part of the redaction figures (docs/benchmarks.md): an officer uploads a 100-page PDF through the documents API
 * (content check with Tika, PDFBox reading it, the bytes into H2), then the first page is drawn for the redaction
 * page, a phrase on every page is redacted and the burned-in copy made; warm, one thread, each upload a different
 * file (the same file twice is refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DocumentUploadBenchmark {

  private static final int PAGES = 100;
  private static final int WARM_UP = Integer.getInteger("bench.documents.warmUp", 3);
  private static final int MEASURED = Integer.getInteger("bench.documents.measured", 10);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aHundredPagePdfUploadedThroughTheApi() throws Exception {
    DocumentCalls calls = new DocumentCalls(port, engine.getName());
    Latencies uploads = new Latencies();
    Latencies firstPage = new Latencies();
    Latencies redactions = new Latencies();
    Latencies burnIns = new Latencies();
    int size = 0;
    for (int round = 0; round < WARM_UP + MEASURED; round++) {
      FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Bench Mark", LocalDate.now(ZoneId.of("Europe/London"))))
          .validAndHeld();
      byte[] pdf = hundredPages(round);
      size = pdf.length;
      long start = System.nanoTime();
      Answer added = calls.upload(FoiCase.OFFICER, foi.reference(), "policy-" + round + ".pdf", pdf);
      long uploaded = System.nanoTime() - start;
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(DocumentCalls.JSON.readTree(added.body()).path("pages").asInt()).isEqualTo(PAGES);
      String path = "/api/requests/" + foi.reference() + "/documents/" + DocumentCalls.JSON.readTree(added.body()).path("id").asText();

      start = System.nanoTime();
      assertThat(calls.download(FoiCase.OFFICER, path + "/pages/1.png").statusCode()).isEqualTo(200);
      long drawn = System.nanoTime() - start;
      start = System.nanoTime();
      Answer redacted = calls.doors().foiflow(FoiCase.OFFICER, "POST", path + "/redactions",
          "{\"text\":\"Jane Smith\",\"exemption\":\"s40(2)\"}");
      long redactedIn = System.nanoTime() - start;
      assertThat(DocumentCalls.JSON.readTree(redacted.body()).path("count").asInt()).isEqualTo(PAGES);
      start = System.nanoTime();
      assertThat(calls.download(FoiCase.OFFICER, path + "/redacted.pdf").statusCode()).isEqualTo(200);
      long burned = System.nanoTime() - start;
      if (round >= WARM_UP) {
        uploads.add(uploaded);
        firstPage.add(drawn);
        redactions.add(redactedIn);
        burnIns.add(burned);
      }
    }
    FigureTable table = new FigureTable("A 100-page PDF through the documents API (H2, warm)",
        "step", "p50 ms", "p95 ms");
    table.row("upload (" + size / 1024 + " KB): type check, PDFBox, stored", uploads.percentileMillis(50), uploads.percentileMillis(95));
    table.row("page 1 as PNG at 96 dpi", firstPage.percentileMillis(50), firstPage.percentileMillis(95));
    table.row("redact a name found on all 100 pages", redactions.percentileMillis(50), redactions.percentileMillis(95));
    table.row("burned-in copy, first download", burnIns.percentileMillis(50), burnIns.percentileMillis(95));
    table.note(WARM_UP + " warm-up and " + MEASURED + " measured rounds, one thread, each on a new case.");
    table.publish("document-upload");
  }

  private static byte[] hundredPages(int round) {
    List<List<String>> pages = new ArrayList<>();
    for (int page = 1; page <= PAGES; page++) {
      pages.add(List.of("Policy " + round + ", page " + page, "Reviewed by Jane Smith on " + page + " March.",
          "Cameras are placed where the risk assessment says; footage is kept for 31 days."));
    }
    return SampleFiles.pdf(pages);
  }
}
