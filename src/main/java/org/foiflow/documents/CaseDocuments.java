package org.foiflow.documents;

import static org.foiflow.casefile.CaseVariable.ASSESSED_BY;
import static org.foiflow.casefile.CaseVariable.CLOSED_ON;
import static org.foiflow.casefile.CaseVariable.EXEMPTIONS;
import static org.foiflow.casefile.CaseVariable.REFERENCE;
import static org.foiflow.casefile.CaseVariable.REGIME;
import static org.foiflow.casefile.CaseVariable.REQUESTER_NAME;
import static org.foiflow.casefile.CaseVariable.RESPONDED_ON;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casefile.Regime;
import org.foiflow.redaction.BurnedCopy;
import org.foiflow.redaction.PageArea;
import org.foiflow.redaction.PageImages;
import org.foiflow.redaction.PageSize;
import org.foiflow.redaction.PdfText;
import org.foiflow.redaction.PersonalDataFinder;
import org.foiflow.redaction.PersonalDataSuggestion;
import org.foiflow.redaction.RedactionBurner;
import org.foiflow.redaction.RedactionMark;
import org.foiflow.redaction.SlowPatternException;
import org.foiflow.redaction.TextMatch;
import org.foiflow.security.FoiGroups;
import org.foiflow.security.OnBehalfOfUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents located for a case, by the case's process instance id: what other packages read (the released
 * copies, the redaction log, the exemptions used) and what officers do (add, redact, decide, remove). Every rule is
 * here, whatever the route: only FOI officers (and administrators) change documents, and only while the case is
 * open, not with the approver and not issued (409 otherwise); an exemption must be the case's regime's and, once
 * "Assess exemptions" is done, one it engaged; a withheld document names its exemptions and a redacted release has
 * redactions. Whoever changes a case's documents takes part in its assessment, so the four-eyes rule keeps them
 * from approving it. Two changes to one document at once: the second gets a conflict, never a lost change.
 */
@Component
public class CaseDocuments {

  /** How long a typed pattern may take over a document's text: past it, a backtracking pattern is refused (400). */
  static final Duration PATTERN_TIME_LIMIT = Duration.ofSeconds(2);

  /** The task during which the response is with the approver. */
  static final String APPROVE_RESPONSE = "ApproveResponse";

  /** What a case says about its documents' rules. */
  record CaseState(String processInstanceId, String reference, boolean open, boolean withApprover, boolean issued,
                   Regime regime, List<String> engaged, String requesterName) {

    /** The exemptions engaged at "Assess exemptions", or null before it was completed. */
    boolean assessed() {
      return engaged != null;
    }
  }

  /** A phrase, a pattern or an area of a page to redact, with the exemption as typed. */
  public record RedactionRequest(String text, String pattern, PageArea area, String exemption) {
  }

  /** What the choices for a redaction's exemption show: s40-2, s.40(2), "Personal information". */
  public record ExemptionChoice(String code, String label, String title) {
  }

  private final DocumentRecords records;
  private final PdfRendition rendition;
  private final DocumentSettings settings;
  private final ProcessEngine engine;
  private final OnBehalfOfUser onBehalfOfUser;
  private final TransactionTemplate transaction;

  public CaseDocuments(DocumentRecords records, PdfRendition rendition, DocumentSettings settings, ProcessEngine engine,
                       OnBehalfOfUser onBehalfOfUser, PlatformTransactionManager transactions) {
    this.records = records;
    this.rendition = rendition;
    this.settings = settings;
    this.engine = engine;
    this.onBehalfOfUser = onBehalfOfUser;
    this.transaction = new TransactionTemplate(transactions);
  }

  // ---- reads (the contract of issue 16) ----

  public List<CaseDocument> of(String processInstanceId) {
    Map<String, List<DocumentRecords.RedactionRow>> redactions = records.redactionsOf(processInstanceId);
    return records.of(processInstanceId).stream()
        .map(row -> document(row, redactions.getOrDefault(row.id(), List.of()))).toList();
  }

  public Optional<CaseDocument> find(String processInstanceId, String documentId) {
    return of(processInstanceId).stream().filter(document -> document.id().equals(documentId)).findFirst();
  }

  /** The documents released in full or redacted, each as its burned-in PDF (never the original). */
  public List<ReleasedCopy> releasedCopies(String processInstanceId) {
    List<ReleasedCopy> copies = new ArrayList<>();
    for (CaseDocument document : of(processInstanceId)) {
      if (document.decision() == DocumentDecision.RELEASE_IN_FULL || document.decision() == DocumentDecision.RELEASE_REDACTED) {
        String base = baseName(document.fileName());
        copies.add(new ReleasedCopy(document.id(), document.decision() == DocumentDecision.RELEASE_REDACTED
            ? base + " (redacted).pdf" : base + ".pdf", burned(processInstanceId, document.id()), document.decision()));
      }
    }
    return copies;
  }

  /** The redaction log: one line per document, page and exemption; one per withheld document and exemption. */
  public List<ScheduleLine> schedule(String processInstanceId) {
    List<ScheduleLine> lines = new ArrayList<>();
    for (CaseDocument document : of(processInstanceId)) {
      if (document.decision() == DocumentDecision.WITHHOLD) {
        document.exemptions().forEach(code ->
            lines.add(new ScheduleLine(document.fileName(), null, code, ExemptionCodes.label(code), 1)));
        continue;
      }
      Map<Integer, Map<String, Integer>> byPage = new TreeMap<>();
      for (DocumentRedaction redaction : document.redactions()) {
        for (PageArea area : redaction.areas()) {
          byPage.computeIfAbsent(area.page(), page -> new TreeMap<>()).merge(redaction.exemption(), 1, Integer::sum);
        }
      }
      byPage.forEach((page, counts) -> counts.forEach((code, count) ->
          lines.add(new ScheduleLine(document.fileName(), page, code, ExemptionCodes.label(code), count))));
    }
    return lines;
  }

  /** The top-level exemptions (s40, s31) relied on by redactions of released documents and by withheld documents. */
  public Set<String> exemptionsUsed(String processInstanceId) {
    Set<String> used = new LinkedHashSet<>();
    for (CaseDocument document : of(processInstanceId)) {
      if (document.decision() == DocumentDecision.WITHHOLD) {
        document.exemptions().forEach(code -> used.add(ExemptionCodes.topLevel(code)));
      } else {
        document.redactions().forEach(redaction -> used.add(ExemptionCodes.topLevel(redaction.exemption())));
      }
    }
    return used;
  }

  /** Retention: the case's history is gone, so are its documents. */
  public void deleteAllOf(String processInstanceId) {
    transaction.executeWithoutResult(status -> records.deleteAllOf(processInstanceId));
  }

  /** The file as it was uploaded. */
  public byte[] original(String processInstanceId, String documentId) {
    return records.bytes(row(processInstanceId, documentId).id(), "original");
  }

  /** The PDF the document's pages are shown and redacted on. */
  public byte[] rendition(String processInstanceId, String documentId) {
    return records.bytes(row(processInstanceId, documentId).id(), "rendition");
  }

  /** The copy with its redactions burned in (and cleaned of metadata), made once and kept until they change. */
  public byte[] burned(String processInstanceId, String documentId) {
    DocumentRecords.Row row = row(processInstanceId, documentId);
    byte[] cached = records.bytes(row.id(), "burned");
    if (cached != null) {
      return cached;
    }
    List<RedactionMark> marks = new ArrayList<>();
    for (DocumentRecords.RedactionRow redaction : records.redactionsOf(processInstanceId).getOrDefault(row.id(), List.of())) {
      redaction.areas().forEach(area -> marks.add(new RedactionMark(area, redaction.label())));
    }
    BurnedCopy copy = RedactionBurner.burnIn(records.bytes(row.id(), "rendition"), marks);
    transaction.executeWithoutResult(status -> records.cacheBurned(row.id(), row.version(), copy.pdf()));
    return copy.pdf();
  }

  public List<PageSize> pages(String processInstanceId, String documentId) {
    return PageImages.sizes(rendition(processInstanceId, documentId));
  }

  /** Personal data the document seems to hold, the requester's name first among the names looked for. */
  public List<PersonalDataSuggestion> suggestions(String processInstanceId, String documentId) {
    CaseState state = state(processInstanceId);
    List<String> known = state.requesterName() == null ? List.of() : List.of(state.requesterName());
    return PersonalDataFinder.suggest(rendition(processInstanceId, documentId), known);
  }

  /** Whether the case's documents may be changed now (by an officer). */
  public boolean editable(String processInstanceId) {
    CaseState state = state(processInstanceId);
    return state.open() && !state.withApprover() && !state.issued();
  }

  /** The exemptions a redaction or a withheld document of this case may give: its regime's, engaged ones once assessed. */
  public List<ExemptionChoice> exemptionChoices(String processInstanceId) {
    CaseState state = state(processInstanceId);
    List<ExemptionChoice> choices = new ArrayList<>();
    for (String code : ExemptionCodes.all()) {
      if (ExemptionCodes.ofRegime(code, state.regime())
          && (!state.assessed() || state.engaged().contains(ExemptionCodes.topLevel(code)))) {
        choices.add(new ExemptionChoice(code, ExemptionCodes.label(code), ExemptionCodes.title(code)));
      }
    }
    return choices;
  }

  // ---- writes ----

  /** Adds a located document: checked by content and size, converted to PDF; refused whole, or stored whole. */
  public CaseDocument add(String processInstanceId, String fileName, byte[] content) {
    String user = writer();
    CaseState state = editableState(processInstanceId);
    Checked file = checked(fileName, content);
    DocumentRecords.Row row = file.row(processInstanceId, state.reference(), content.length, user);
    try {
      transaction.executeWithoutResult(status -> {
        refuseIfNoRoomOrHeld(processInstanceId, content.length, file.sha256());
        records.insert(row, content, file.pdf().pdf());
        tookPart(processInstanceId, user);
      });
    } catch (DuplicateKeyException sameMoment) {
      throw new CaseConflictException("this file is already on the case: nothing was added");
    }
    return find(processInstanceId, row.id()).orElseThrow();
  }

  /**
   * Adds a file that came with the requester's correspondence (an email's attachment), by the system rather than an
   * officer: the same inspection, rendition and limits as {@link #add}, undecided (not released), with {@code source}
   * as who added it. Runs inside the caller's transaction and refuses (a {@link RuntimeException} saying why, in
   * words) before it writes anything, so a refused attachment never spoils the filing of its message.
   */
  public CaseDocument received(String processInstanceId, String fileName, byte[] content, String source) {
    CaseState state = editableState(processInstanceId);
    Checked file = checked(fileName, content);
    refuseIfNoRoomOrHeld(processInstanceId, content.length, file.sha256());
    DocumentRecords.Row row = file.row(processInstanceId, state.reference(), content.length, source);
    records.insert(row, content, file.pdf().pdf());
    return find(processInstanceId, row.id()).orElseThrow();
  }

  /** A file checked by name, size and content and converted to PDF: refused whole before anything is written. */
  private record Checked(String name, FileInspection.Inspected type, PdfRendition.Rendered pdf, String sha256) {

    DocumentRecords.Row row(String processInstanceId, String reference, long size, String addedBy) {
      return new DocumentRecords.Row(UUID.randomUUID().toString(), processInstanceId, reference, name,
          type.contentType(), size, sha256, pdf.pages(), DocumentDecision.UNDECIDED, List.of(), addedBy, Instant.now(), 0);
    }
  }

  private Checked checked(String fileName, byte[] content) {
    String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
    if (name.length() > 255) {
      throw new InvalidRequestException(Map.of("file", "its name is longer than 255 characters"));
    }
    if (content == null || content.length == 0) {
      throw new DocumentRefusedException(400, "empty-document", "file", "the file is empty: nothing was added");
    }
    refuseIfTooLarge(content.length);
    FileInspection.Inspected type = FileInspection.inspect(name, content);
    return new Checked(name, type, rendition.of(name, content, type), sha256(content));
  }

  /** Refuses a file that would take the case's documents past their limit, or that the case holds already. */
  private void refuseIfNoRoomOrHeld(String processInstanceId, long size, String sha256) {
    long caseSize = records.sizeOfCase(processInstanceId);
    if (caseSize + size > settings.maxCaseSize().toBytes()) {
      throw new DocumentRefusedException(413, "case-documents-too-large", "file", "the case's documents would"
          + " take " + size(caseSize + size) + ", more than the " + size(settings.maxCaseSize().toBytes())
          + " a case may hold: nothing was added");
    }
    if (records.holds(processInstanceId, sha256)) {
      throw new CaseConflictException("this file is already on the case: nothing was added");
    }
  }

  /**
   * Refuses a file over foiflow.documents.max-file-size; the API asks before it reads an upload (which Spring keeps
   * in a temporary file) into memory, so a file Spring's larger limit lets through is not read only to be refused.
   */
  public void refuseIfTooLarge(long bytes) {
    if (bytes > settings.maxFileSize().toBytes()) {
      throw new DocumentRefusedException(413, "document-too-large", "file", "the file is " + size(bytes)
          + ", more than the " + size(settings.maxFileSize().toBytes()) + " a document may be: nothing was added");
    }
  }

  public void remove(String processInstanceId, String documentId) {
    String user = writer();
    editableState(processInstanceId);
    DocumentRecords.Row row = row(processInstanceId, documentId);
    transaction.executeWithoutResult(status -> {
      records.deleteAllOfDocument(row.id());
      if (!records.delete(row.id(), row.version())) {
        throw changedMeanwhile();
      }
      tookPart(processInstanceId, user);
    });
  }

  /**
   * Redacts every match of a phrase or pattern, or an area of a page, under an exemption; an undecided document
   * becomes a redacted release (the answer's document says so).
   */
  public DocumentRedaction redact(String processInstanceId, String documentId, RedactionRequest request) {
    String user = writer();
    CaseState state = editableState(processInstanceId);
    String exemption = exemption("exemption", request.exemption(), state);
    DocumentRecords.Row row = row(processInstanceId, documentId);
    byte[] pdf = records.bytes(row.id(), "rendition");
    String kind;
    String text;
    List<PageArea> areas = new ArrayList<>();
    int count;
    if (request.area() != null) {
      PageArea area = request.area();
      if (area.page() > row.pages()) {
        throw new InvalidRequestException(Map.of("page", "the document has " + row.pages() + " page"
            + (row.pages() == 1 ? "" : "s")));
      }
      onThePage(area, PageImages.sizes(pdf).get(area.page() - 1));
      kind = "AREA";
      text = null;
      areas.add(area);
      count = 1;
    } else {
      List<TextMatch> matches;
      if (request.text() != null && !request.text().isBlank()) {
        kind = "TEXT";
        text = request.text().strip();
        if (text.length() > 1000) {
          throw new InvalidRequestException(Map.of("text", "is longer than 1000 characters"));
        }
        matches = PdfText.find(pdf, text);
      } else if (request.pattern() != null && !request.pattern().isBlank()) {
        kind = "PATTERN";
        text = request.pattern();
        if (text.length() > 1000) {
          throw new InvalidRequestException(Map.of("pattern", "is longer than 1000 characters"));
        }
        try {
          matches = PdfText.find(pdf, Pattern.compile(text, Pattern.CASE_INSENSITIVE), PATTERN_TIME_LIMIT);
        } catch (PatternSyntaxException invalid) {
          throw new InvalidRequestException(Map.of("pattern", "is not a regular expression: " + invalid.getDescription()));
        } catch (SlowPatternException slow) {
          throw new InvalidRequestException(Map.of("pattern", slow.getMessage() + ": simplify it (no nested"
              + " repetition such as (a+)+) or redact by text"));
        }
      } else {
        throw new InvalidRequestException(Map.of("text", "is required: a phrase, a pattern, or a page area to redact"));
      }
      if (matches.isEmpty()) {
        throw new DocumentRefusedException(422, "nothing-to-redact", "PATTERN".equals(kind) ? "pattern" : "text",
            "'" + text + "' appears nowhere in the document's text: nothing was redacted");
      }
      matches.forEach(match -> areas.addAll(match.areas()));
      count = matches.size();
    }
    DocumentRecords.RedactionRow redaction = new DocumentRecords.RedactionRow(UUID.randomUUID().toString(), row.id(),
        kind, exemption, ExemptionCodes.label(exemption), text, areas, count, user, Instant.now());
    transaction.executeWithoutResult(status -> {
      records.insertRedaction(redaction);
      boolean changed = row.decision() == DocumentDecision.UNDECIDED
          ? records.decide(row.id(), row.version(), DocumentDecision.RELEASE_REDACTED, List.of(), user, Instant.now())
          : records.touch(row.id(), row.version());
      if (!changed) {
        throw changedMeanwhile();
      }
      tookPart(processInstanceId, user);
    });
    return redaction(redaction);
  }

  /** Takes a redaction off; a redacted release left without any goes back to undecided. */
  public void removeRedaction(String processInstanceId, String documentId, String redactionId) {
    String user = writer();
    editableState(processInstanceId);
    DocumentRecords.Row row = row(processInstanceId, documentId);
    transaction.executeWithoutResult(status -> {
      if (!records.deleteRedaction(row.id(), redactionId)) {
        throw new NotFound("redaction", "the document has no redaction " + redactionId);
      }
      boolean lastOne = records.redactionsOf(processInstanceId).getOrDefault(row.id(), List.of()).isEmpty();
      boolean changed = lastOne && row.decision() == DocumentDecision.RELEASE_REDACTED
          ? records.decide(row.id(), row.version(), DocumentDecision.UNDECIDED, List.of(), user, Instant.now())
          : records.touch(row.id(), row.version());
      if (!changed) {
        throw changedMeanwhile();
      }
      tookPart(processInstanceId, user);
    });
  }

  /** Decides what is done with the document; a withheld one names the exemptions that justify withholding it. */
  public CaseDocument decide(String processInstanceId, String documentId, DocumentDecision decision, List<String> exemptions) {
    String user = writer();
    CaseState state = editableState(processInstanceId);
    if (decision == null) {
      throw new InvalidRequestException(Map.of("decision", "is required: one of "
          + String.join(", ", java.util.Arrays.stream(DocumentDecision.values()).map(Enum::name).toList())));
    }
    DocumentRecords.Row row = row(processInstanceId, documentId);
    List<String> codes = new ArrayList<>();
    List<String> given = exemptions == null ? List.of() : exemptions;
    if (decision == DocumentDecision.WITHHOLD) {
      if (given.isEmpty()) {
        throw new InvalidRequestException(Map.of("exemptions", "a withheld document needs at least one exemption"
            + " that justifies withholding it, e.g. s31(1)(a)"));
      }
      for (String code : given) {
        String normalised = exemption("exemptions", code, state);
        if (!codes.contains(normalised)) {
          codes.add(normalised);
        }
      }
    } else if (!given.isEmpty()) {
      throw new InvalidRequestException(Map.of("exemptions", "are given only when the document is withheld; a"
          + " redacted release takes its exemptions from its redactions"));
    }
    boolean redacted = !records.redactionsOf(processInstanceId).getOrDefault(row.id(), List.of()).isEmpty();
    if (decision == DocumentDecision.RELEASE_REDACTED && !redacted) {
      throw new InvalidRequestException(Map.of("decision", "a redacted release needs at least one redaction: add"
          + " the redactions first"));
    }
    if (decision == DocumentDecision.RELEASE_IN_FULL && redacted) {
      throw new InvalidRequestException(Map.of("decision", "the document has redactions: release it redacted, or"
          + " remove its redactions to release it in full"));
    }
    transaction.executeWithoutResult(status -> {
      if (!records.decide(row.id(), row.version(), decision, codes, user, Instant.now())) {
        throw changedMeanwhile();
      }
      tookPart(processInstanceId, user);
    });
    return find(processInstanceId, row.id()).orElseThrow();
  }

  // ---- the rules ----

  /** The exemption's catalogue code, if the case may cite it here; refused naming the field otherwise. */
  private static String exemption(String field, String given, CaseState state) {
    if (given == null || given.isBlank()) {
      throw new InvalidRequestException(Map.of(field, "is required: the exemption that justifies it, e.g. s40(2)"));
    }
    String code = ExemptionCodes.normalised(given, state.regime());
    if (code == null) {
      throw new InvalidRequestException(Map.of(field, "'" + given + "' is not an exemption in the catalogue"
          + " (e.g. s40(2), s31(1)(a), reg.12(5)(b))"));
    }
    if (!ExemptionCodes.ofRegime(code, state.regime())) {
      throw new InvalidRequestException(Map.of(field, switch (state.regime()) {
        case EIR -> "this is an Environmental Information Regulations request: cite EIR exceptions (reg.12(5)(b)), not "
            + ExemptionCodes.label(code);
        case FOIA -> "this is a Freedom of Information Act request: cite FOIA sections (s.40(2)), not "
            + ExemptionCodes.label(code);
        case FOISA -> "this is a Freedom of Information (Scotland) Act request: cite FOISA sections (s.38(1)(b)), not "
            + ExemptionCodes.label(code) + " of " + ExemptionCodes.regimeOf(code).shortName();
        case EISR -> "this is an Environmental Information (Scotland) Regulations request: cite EISR exceptions"
            + " (reg.10(5)(b)), not " + ExemptionCodes.label(code) + " of " + ExemptionCodes.regimeOf(code).shortName();
      }));
    }
    String topLevel = ExemptionCodes.topLevel(code);
    if (state.assessed() && !state.engaged().contains(topLevel)) {
      throw new InvalidRequestException(Map.of(field, ExemptionCodes.label(code) + " is not among the exemptions"
          + " engaged at 'Assess exemptions' (" + (state.engaged().isEmpty() ? "none"
              : String.join(", ", state.engaged().stream().map(ExemptionCodes::label).toList()))
          + "): cite one of them, or have the assessment changed"));
    }
    return code;
  }

  /**
   * Refuses a box that starts off the page or reaches past its edge (a point's slack for rounding): it would black
   * out nothing, yet count in the redaction log as a redaction.
   */
  private static void onThePage(PageArea area, PageSize page) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (area.x() >= page.width()) {
      problems.put("x", "is off the page: the page is " + Math.round(page.width()) + " points wide");
    } else if (area.x() + area.width() > page.width() + 1) {
      problems.put("width", "reaches past the page's right edge (" + Math.round(page.width()) + " points)");
    }
    if (area.y() >= page.height()) {
      problems.put("y", "is off the page: the page is " + Math.round(page.height()) + " points high");
    } else if (area.y() + area.height() > page.height() + 1) {
      problems.put("height", "reaches past the page's bottom edge (" + Math.round(page.height()) + " points)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** The signed-in user, if an FOI officer or an administrator; approvers and managers only read. */
  private String writer() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    boolean admin = user != null && (configuration.getAdminUsers().contains(user.getUserId())
        || groups.stream().anyMatch(configuration.getAdminGroups()::contains));
    if (user == null || !(groups.contains(FoiGroups.OFFICERS) || admin)) {
      throw new DocumentRefusedException(403, "not-an-officer", "user", "approvers and managers read a case's"
          + " documents; FOI officers add, redact and decide them");
    }
    return user.getUserId();
  }

  private CaseState editableState(String processInstanceId) {
    CaseState state = state(processInstanceId);
    if (!state.open()) {
      throw new CaseConflictException("the case is closed: its documents can no longer be changed");
    }
    if (state.issued()) {
      throw new CaseConflictException("the response has been issued: its documents can no longer be changed");
    }
    if (state.withApprover()) {
      throw new CaseConflictException("the response is with the approver: its documents can be changed only when"
          + " the approver returns it");
    }
    return state;
  }

  /** The case's facts, read as the system: the caller's right to read the case was settled by whoever found it. */
  CaseState state(String processInstanceId) {
    return asSystem(() -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(processInstanceId).variableNameIn(REFERENCE.key(), REGIME.key(), EXEMPTIONS.key(),
              RESPONDED_ON.key(), CLOSED_ON.key(), REQUESTER_NAME.key()).disableCustomObjectDeserialization().list()) {
        // case-level values only: per-task copies live in child scopes
        if ((variable.getActivityInstanceId() == null || variable.getActivityInstanceId().equals(processInstanceId))
            && variable.getValue() != null) {
          values.put(variable.getName(), variable.getValue());
        }
      }
      CaseFile file = CaseFile.recorded(values);
      boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
          .count() > 0;
      boolean withApprover = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(APPROVE_RESPONSE).count() > 0;
      return new CaseState(processInstanceId, file.reference(), running && file.text(CLOSED_ON) == null, withApprover,
          file.text(RESPONDED_ON) != null, regimeOf(file.text(REGIME)),
          values.containsKey(EXEMPTIONS.key()) ? file.codes(EXEMPTIONS) : null, file.text(REQUESTER_NAME));
    });
  }

  /** The regime the case keeps; FOIA for a case that never named one. */
  private static Regime regimeOf(String kept) {
    Regime regime = Regime.parse(kept);
    return regime == null ? Regime.FOIA : regime;
  }

  /** The user takes part in the case's assessment ("assessedBy"), so the four-eyes rule keeps them from approving it. */
  private void tookPart(String processInstanceId, String user) {
    Runnable record = () -> {
      Object current = engine.getRuntimeService().getVariable(processInstanceId, ASSESSED_BY.key());
      List<String> assessedBy = new ArrayList<>(CaseFile.codes(current));
      if (!assessedBy.contains(user)) {
        assessedBy.add(user);
        engine.getRuntimeService().setVariable(processInstanceId, ASSESSED_BY.key(), assessedBy);
      }
    };
    if (Context.getCommandContext() != null) {
      record.run();
    } else {
      onBehalfOfUser.act(record);
    }
  }

  private <T> T asSystem(Supplier<T> read) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(command -> command.runWithoutAuthorization(read::get));
  }

  private DocumentRecords.Row row(String processInstanceId, String documentId) {
    return records.find(processInstanceId, documentId)
        .orElseThrow(() -> new NotFound("document", "the case has no document " + documentId));
  }

  private static CaseConflictException changedMeanwhile() {
    return new CaseConflictException("someone else changed this document at the same moment: nothing of this change"
        + " was kept; reload the document and try again");
  }

  private static CaseDocument document(DocumentRecords.Row row, List<DocumentRecords.RedactionRow> redactions) {
    return new CaseDocument(row.id(), row.processInstanceId(), row.fileName(), row.contentType(), row.size(),
        row.sha256(), row.pages(), row.decision(), row.exemptions(),
        redactions.stream().map(CaseDocuments::redaction).toList(), row.addedBy(), row.addedAt());
  }

  private static DocumentRedaction redaction(DocumentRecords.RedactionRow row) {
    return new DocumentRedaction(row.id(), row.exemption(), row.label(), row.text(), row.areas(), row.count(),
        row.addedBy(), row.addedAt());
  }

  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024))
        : bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " bytes";
  }

  /** A document or redaction the case does not have: 404. */
  public static final class NotFound extends DocumentRefusedException {
    NotFound(String field, String message) {
      super(404, "document-not-found", field, message);
    }
  }

}
