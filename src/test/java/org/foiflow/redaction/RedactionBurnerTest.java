package org.foiflow.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionBurnerTest {

  @Test
  void smoke() {
    byte[] input = SamplePdfs.standardFont();
    List<TextMatch> found = PdfText.find(input, "Jane Doe");
    System.out.println(found);
    BurnedCopy copy = RedactionBurner.burnIn(input, List.of(new RedactionMark(found.get(0).areas().get(0), "s.40(2)")));
    System.out.println(copy.rasterisedPages());
    System.out.println(ReleasedPdf.pdfboxText(copy.pdf()));
    System.out.println(ReleasedPdf.pdftotext(copy.pdf()));
    System.out.println(PdfText.find(input, "Report"));
    System.out.println(PdfText.find(copy.pdf(), "Report"));
    System.out.println(PdfText.find(input, "about"));
    System.out.println(PdfText.find(copy.pdf(), "about"));
  }
}
