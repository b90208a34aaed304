package org.foiflow.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.ReleasedCopy;
import org.foiflow.drafting.LetterEnclosures;
import org.foiflow.drafting.LetterType;
import org.foiflow.assessment.ExemptionCitation;
import org.springframework.stereotype.Component;

/**
 * What is released with a response: the case's released copies (released in full, or redacted and burned in; never
 * an original, never a withheld document), as {@link CaseDocuments} makes them. Whether they fit in the email, and
 * the letter and its copies as one PDF to print for the post.
 */
@Component
public class ReleaseBundle {

  private final CaseDocuments documents;
  private final ReleaseSettings settings;

  public ReleaseBundle(CaseDocuments documents, ReleaseSettings settings) {
    this.documents = documents;
    this.settings = settings;
  }

  public List<ReleasedCopy> copies(String processInstanceId) {
    return documents.releasedCopies(processInstanceId);
  }

  /** The copies that go with a filed letter: a full or partial disclosure's; none with any other letter. */
  public List<ReleasedCopy> forLetter(String processInstanceId, String letterType) {
    LetterType type = LetterType.ofFiled(letterType);
    return type != null && type.releasesInformation() ? copies(processInstanceId) : List.of();
  }

  /** What a response letter of this type says goes with it: the released documents, the schedule of redactions. */
  public LetterEnclosures enclosuresOf(String processInstanceId, LetterType type) {
    List<String> released = type.releasesInformation()
        ? copies(processInstanceId).stream().map(ReleasedCopy::fileName).toList() : List.of();
    List<LetterEnclosures.ScheduleRow> schedule = type.withholdsInformation()
        ? documents.schedule(processInstanceId).stream().map(line -> new LetterEnclosures.ScheduleRow(
            line.documentName(), line.page(), ExemptionCitation.of(line.exemption()), line.count())).toList()
        : List.of();
    return new LetterEnclosures(released, schedule);
  }

  /** One released copy of the case; empty for a document withheld, undecided, or not of this case. */
  public Optional<ReleasedCopy> copy(String processInstanceId, String documentId) {
    return copies(processInstanceId).stream().filter(copy -> copy.documentId().equals(documentId)).findFirst();
  }

  /** Attachments up to foiflow.documents.email-attachment-limit in all; beyond it the email carries a link. */
  public boolean fitsInEmail(List<ReleasedCopy> copies) {
    long total = copies.stream().mapToLong(copy -> copy.pdf().length).sum();
    return total <= settings.emailAttachmentLimit().toBytes();
  }

  /** The letter followed by each released copy, one PDF to print and post. */
  public byte[] printable(byte[] letterPdf, List<ReleasedCopy> copies) {
    if (copies.isEmpty()) {
      return letterPdf;
    }
    PDFMergerUtility merger = new PDFMergerUtility();
    merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(letterPdf));
    copies.forEach(copy -> merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(copy.pdf())));
    ByteArrayOutputStream merged = new ByteArrayOutputStream();
    merger.setDestinationStream(merged);
    try {
      merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
    } catch (IOException unreadable) {
      throw new IllegalStateException("the letter and its released copies could not be put into one PDF", unreadable);
    }
    return merged.toByteArray();
  }
}
