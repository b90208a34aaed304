package org.foiflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PdfRenditionTest {

  @Test
  void anOfficeFileIsConvertedWithoutFetchingWhatItLinksTo() throws Exception {
    List<String> fetched = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      byte[] odt = SampleFiles.odtWithLinkedPicture("http://127.0.0.1:" + server.getAddress().getPort() + "/inside.png");
      PdfRendition rendition = new PdfRendition(new DocumentSettings(DataSize.ofMegabytes(25), DataSize.ofMegabytes(200),
          "soffice", Duration.ofSeconds(120)));

      PdfRendition.Rendered pdf = rendition.of("linked.odt", odt, FileInspection.inspect("linked.odt", odt));

      assertThat(pdf.pages()).isEqualTo(1);
      assertThat(fetched).as("requests LibreOffice made for the linked picture").isEmpty();
    } finally {
      server.stop(0);
    }
  }
}
