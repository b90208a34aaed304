package org.foiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foiflow.http.BasicAuthCalls;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16's redaction done on the page in headless Chromium, as an officer does it: a PDF dropped on the case
 * page's Documents zone, a box drawn with the mouse over a paragraph (s.31(1)(a)), a name found by its text
 * (s.40(2)), a suggested email address accepted (s.40(2)), the decision "release with redactions"; then the API and
 * the text of the redacted copy show it was done. Screenshots under target/screenshots/redaction-*.png.
 */
class RedactingADocumentOnThePageTest extends TasklistInChromium {

  static final String NAME = "Jane Marlowe";
  static final String EMAIL = "jane.marlowe@example.gov.uk";
  static final String KEPT = "This policy is reviewed every year by the Chief Constable.";
  /** The operational paragraph, one line each, on page 1 from PARAGRAPH_TOP points down. */
  static final List<String> PARAGRAPH = List.of(
      "Night patrols leave the Eastgate depot at 02:15 and sweep the canal path",
      "before turning north along the ring road; the unmarked van parks at the",
      "Fenwick Street junction until the shift changes at 05:40.");
  static final float MARGIN = 72;
  static final float PARAGRAPH_TOP = 260;
  static final float LEADING = 16;
  static final float FONT_SIZE = 11;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anOfficerRedactsADocumentOnThePageAndTheRedactedCopyNoLongerHoldsIt() throws Exception {
    FoiCase foi = aCaseBeingLocated("Robin Redact");
    WebDriver driver = chromium.driver();
    tasklist.logIn(FoiCase.OFFICER);

    // the case page: drop the PDF on the zone, as a file dragged from the desktop lands there
    driver.get(url("/cases/" + foi.reference() + "#documents"));
    WebElement zone = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
    // an empty file first: refused in words beside the zone, nothing added
    drop(driver, zone, new byte[0], "Empty.pdf");
    WebElement refusedFile = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-problems li")));
    assertThat(refusedFile.getText()).startsWith("Empty.pdf was not added. ").doesNotContain("Exception", "400");
    assertThat(driver.findElements(By.cssSelector("#documents-list tr[data-document]"))).isEmpty();
    chromium.screenshot("redaction-0-empty-file-refused");

    drop(driver, zone, policyPdf(), "Patrol policy.pdf");
    WebElement row = tasklist.until(d -> d.findElements(By.cssSelector("#documents-list tr[data-document]")).stream()
        .findFirst().orElse(null));
    chromium.screenshot("redaction-1-uploaded-on-the-case-page");
    assertThat(driver.findElement(By.id("upload-progress")).getText()).contains("Added Patrol policy.pdf (1 page)");
    assertThat(row.getText()).contains("Patrol policy.pdf", "PDF", "Not decided yet");
    String documentId = row.getDomAttribute("data-document");

    // the redaction page: a box drawn over the paragraph under s.31(1)(a)
    row.findElement(By.partialLinkText("Redact and decide")).click();
    WebElement boxExemption = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("box-exemption")));
    tasklist.until(d -> new Select(boxExemption).getOptions().size() > 1);
    new Select(boxExemption).selectByValue("s31-1-a");
    WebElement sheet = tasklist.until(d -> {
      WebElement image = d.findElement(By.cssSelector(".page[data-page='1'] img"));
      return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
          ? d.findElement(By.cssSelector(".page[data-page='1'] .overlay")) : null;
    });
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", sheet);
    drawBox(driver, sheet, MARGIN - 6, PARAGRAPH_TOP - FONT_SIZE - 4, 470,
        LEADING * (PARAGRAPH.size() - 1) + FONT_SIZE + 10);
    tasklist.until(d -> d.findElement(By.id("redaction-items")).getText().contains("s.31(1)(a) A box on page 1"));
    assertThat(driver.findElements(By.cssSelector(".page[data-page='1'] .mark"))).hasSize(1);
    chromium.screenshot("redaction-2-box-drawn");

    // the name, found by its text, under s.40(2)
    driver.findElement(By.id("find-phrase")).sendKeys(NAME);
    new Select(driver.findElement(By.id("find-exemption"))).selectByValue("s40-2");
    driver.findElement(By.cssSelector("#find-form button[type=submit]")).click();
    WebElement found = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("find-result")));
    assertThat(found.getText()).isEqualTo("Redacted 1 match of “" + NAME + "” under s.40(2).");
    chromium.screenshot("redaction-3-name-found");

    // a phrase the document does not hold: refused in words beside the field, nothing redacted
    driver.findElement(By.id("find-phrase")).sendKeys("Nowhere Lane");
    driver.findElement(By.cssSelector("#find-form button[type=submit]")).click();
    WebElement refused = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#find-form .field-error[data-field='text']")));
    chromium.screenshot("redaction-3a-phrase-not-found");
    assertThat(refused.getText()).isNotBlank().doesNotContain("422", "Exception");
    assertThat(driver.findElement(By.id("find-phrase")).getDomAttribute("aria-invalid")).isEqualTo("true");
    driver.findElement(By.id("find-phrase")).clear();

    // the suggested email address, accepted under the s.40(2) it is offered with
    WebElement suggestion = tasklist.until(d -> d.findElements(By.cssSelector(".suggestion")).stream()
        .filter(item -> item.getText().contains(EMAIL)).findFirst().orElse(null));
    assertThat(suggestion.getText()).contains("Email address");
    assertThat(new Select(suggestion.findElement(By.tagName("select"))).getFirstSelectedOption().getDomAttribute("value"))
        .isEqualTo("s40-2");
    suggestion.findElement(By.xpath(".//button[normalize-space(.)='Redact all']")).click();
    tasklist.until(d -> d.findElement(By.id("redaction-items")).getText().contains("“" + EMAIL + "”"));

    // the decision
    driver.findElement(By.cssSelector("label[for='decision-redacted']")).click();
    driver.findElement(By.cssSelector("#decision-form button[type=submit]")).click();
    tasklist.until(ExpectedConditions.textToBe(By.id("decision-result"), "Decision saved: Release with redactions."));
    assertThat(driver.findElements(By.cssSelector(".page[data-page='1'] .mark"))).hasSize(3);
    chromium.screenshot("redaction-4-decided");
    driver.findElement(By.cssSelector("label[for='preview-redacted']")).click();
    tasklist.until(d -> d.findElement(By.cssSelector(".page[data-page='1'] img")).getDomAttribute("src").contains("/redacted/pages/1.png"));
    tasklist.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "const i = document.querySelector(\".page[data-page='1'] img\"); return i.complete && i.naturalWidth > 0")));
    chromium.screenshot("redaction-5-preview-of-the-redacted-copy");

    // what the API holds, and what the released copy says
    String api = "/api/requests/" + foi.reference() + "/documents/" + documentId;
    JsonNode document = json.readTree(asOfficer(api, HttpResponse.BodyHandlers.ofString()).body());
    assertThat(document.path("decision").asText()).isEqualTo("RELEASE_REDACTED");
    List<String> redactions = new ArrayList<>();
    document.path("redactions").forEach(r -> redactions.add(r.path("exemption").asText() + " "
        + (r.path("text").isNull() ? "box" : r.path("text").asText())));
    assertThat(redactions).containsExactlyInAnyOrder("s31-1-a box", "s40-2 " + NAME, "s40-2 " + EMAIL);

    HttpResponse<byte[]> redacted = asOfficer(api + "/redacted.pdf", HttpResponse.BodyHandlers.ofByteArray());
    assertThat(redacted.statusCode()).isEqualTo(200);
    String text;
    try (PDDocument pdf = Loader.loadPDF(redacted.body())) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertThat(text).doesNotContain(NAME, "Marlowe", EMAIL, "Eastgate", "canal path", "unmarked van", "Fenwick")
        .contains("s.40(2)", "s.31(1)(a)", KEPT);

    // back on the case page, the row says what was decided
    driver.get(url("/cases/" + foi.reference() + "#documents"));
    WebElement decided = tasklist.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#documents-list tr[data-document='" + documentId + "']")));
    chromium.screenshot("redaction-6-case-page-after");
    assertThat(decided.findElement(By.cssSelector(".decision")).getText()).isEqualTo("Release with redactions");
    assertThat(decided.findElement(By.cssSelector(".redactions")).getText()).isEqualTo("3");
    assertThat(decided.findElement(By.cssSelector(".exemptions")).getText()).isEqualTo("Section 31(1)(a), Section 40(2)");
  }

  @Test
  void anApproverSeesTheDocumentsWithoutTheUploadZoneAndThePageListsThemWithoutScript() throws Exception {
    FoiCase foi = aCaseBeingLocated("Robin Readonly");
    upload(foi.reference(), "Approver's view.pdf", policyPdf());

    // without script (a plain request, as a screen reader's or a script's reading of the page): the list is there
    HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/cases/" + foi.reference())))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.APPROVER, Tasklist.PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).contains("id=\"documents\"", "Approver&#39;s view.pdf", "Not decided yet")
        .doesNotContain("id=\"drop-zone\"");

    WebDriver driver = chromium.driver();
    tasklist.logIn(FoiCase.APPROVER);
    driver.get(url("/cases/" + foi.reference() + "#documents"));
    WebElement row = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents-list tr[data-document]")));
    chromium.screenshot("redaction-7-approver-case-page");
    assertThat(row.getText()).contains("Approver's view.pdf", "PDF", "Not decided yet", "View the redactions");
    assertThat(driver.findElements(By.id("drop-zone"))).isEmpty();
    assertThat(driver.findElement(By.id("documents")).findElement(By.xpath("..")).getText())
        .contains("Only FOI officers add, redact and decide on documents.");

    // the document's page reads the same for the approver, without the tools
    row.findElement(By.partialLinkText("View the redactions")).click();
    tasklist.until(d -> d.findElement(By.id("decision-now")).getText().equals("Not decided yet")
        && d.findElement(By.id("decision-full")).getDomProperty("disabled").equals("true"));
    chromium.screenshot("redaction-8-approver-document-page");
    assertThat(driver.findElement(By.id("box-exemption")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("find-form")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.cssSelector(".page[data-page='1'] img")).getDomAttribute("alt"))
        .isEqualTo("Page 1 of Approver's view.pdf");
  }

  @Test
  void anOfficerRemovesADocumentThatIsNotPartOfTheRequest() throws Exception {
    FoiCase foi = aCaseBeingLocated("Robin Remove");
    String documentId = upload(foi.reference(), "Wrong file.pdf", policyPdf());
    WebDriver driver = chromium.driver();
    tasklist.logIn(FoiCase.OFFICER);

    driver.get(url("/cases/" + foi.reference() + "/documents/" + documentId));
    WebElement remove = tasklist.until(ExpectedConditions.elementToBeClickable(By.id("remove-document-button")));
    remove.click();
    tasklist.until(ExpectedConditions.alertIsPresent()).accept();
    tasklist.until(ExpectedConditions.urlContains("/cases/" + foi.reference() + "#documents"));
    WebElement section = tasklist.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents-list")));
    assertThat(section.getText()).contains("No document has been added to this case yet.");
    assertThat(asOfficer("/api/requests/" + foi.reference() + "/documents/" + documentId,
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private FoiCase aCaseBeingLocated(String requester) {
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine,
        FoiCase.aRequest(requester, LocalDate.now(ZoneId.of("Europe/London"))))));
    return logged.get().validAndHeld();
  }

  /** Drops a file on the zone as the browser does when one is dragged there from the desktop. */
  private static void drop(WebDriver driver, WebElement zone, byte[] content, String fileName) {
    ((JavascriptExecutor) driver).executeScript("""
        const [zone, base64, name] = arguments;
        const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
        const files = new DataTransfer();
        files.items.add(new File([bytes], name, {type: 'application/pdf'}));
        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));""",
        zone, Base64.getEncoder().encodeToString(content), fileName);
  }

  /**
   * Drags with the mouse across the page image from (x, y) for width and height, all in PDF points from the page's
   * top-left corner, turned into the image's screen pixels (Selenium's offsets count from the element's centre).
   */
  private void drawBox(WebDriver driver, WebElement overlay, double x, double y, double width, double height) {
    double scale = overlay.getRect().getWidth() / (double) PDRectangle.A4.getWidth();
    int fromX = (int) Math.round(x * scale - overlay.getRect().getWidth() / 2.0);
    int fromY = (int) Math.round(y * scale - overlay.getRect().getHeight() / 2.0);
    new Actions(driver).moveToElement(overlay, fromX, fromY).clickAndHold()
        .moveByOffset((int) Math.round(width * scale / 2), (int) Math.round(height * scale / 2))
        .moveByOffset((int) Math.round(width * scale / 2), (int) Math.round(height * scale / 2))
        .release().perform();
  }

  /** A one-page A4 policy with a named person, an email address, an operational paragraph and a line to keep. */
  static byte[] policyPdf() {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      float top = PDRectangle.A4.getHeight();
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
        line(text, bold, 16, MARGIN, top - 110, "Patrol policy: night operations");
        line(text, regular, FONT_SIZE, MARGIN, top - 160, "Prepared by " + NAME + " (" + EMAIL + "), Operations Support.");
        line(text, regular, FONT_SIZE, MARGIN, top - 200, "The routes below are reviewed with the local policing team.");
        for (int i = 0; i < PARAGRAPH.size(); i++) {
          line(text, regular, FONT_SIZE, MARGIN, top - PARAGRAPH_TOP - i * LEADING, PARAGRAPH.get(i));
        }
        line(text, regular, FONT_SIZE, MARGIN, top - 360, KEPT);
      }
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(PDPageContentStream text, PDType1Font font, float size, float x, float baseline, String words)
      throws IOException {
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset(x, baseline);
    text.showText(words);
    text.endText();
  }

  private <T> HttpResponse<T> asOfficer(String path, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", BasicAuthCalls.authorization(FoiCase.OFFICER, Tasklist.PASSWORD)).build(), body);
  }

  /** Adds a document through the API as an officer; its id. */
  private String upload(String reference, String fileName, byte[] pdf) throws IOException, InterruptedException {
    HttpResponse<String> added = HttpClient.newHttpClient().send(BasicAuthCalls.fileUpload(
        url("/api/requests/" + reference + "/documents"), "file", fileName, pdf, FoiCase.OFFICER, Tasklist.PASSWORD)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    return json.readTree(added.body()).path("id").asText();
  }
}
