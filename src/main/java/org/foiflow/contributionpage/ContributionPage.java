package org.foiflow.contributionpage;

import static org.foiflow.casefile.CaseVariable.REQUEST_TEXT;
import static org.foiflow.casefile.CaseVariable.SUBJECT;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.foiflow.casefile.CaseFile;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.casepage.CaseDocumentList;
import org.foiflow.casepage.UkTimes;
import org.foiflow.documents.CaseDocument;
import org.foiflow.documents.CaseDocuments;
import org.foiflow.documents.DocumentRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * A business unit's contribution page, GET /contributions/{contributionId} (linked from its "Provide information"
 * task): the case's reference, subject and request (never the requester: FOI is applicant-blind), the internal
 * deadline, and the documents the unit adds to the case, uploaded with the case page's own script
 * (case-documents.js) to POST /contributions/{contributionId}/documents. Each becomes an undecided document of the
 * case (documents.CaseDocuments, the same checks as an officer's upload), added by "user (unit name)". Who may open
 * it: {@link ContributionAccess}; anyone else gets 404.
 */
@Controller
public class ContributionPage {

  /** The upload's answer, as case-documents.js reads it (the documents API's). */
  public record Uploaded(String id, String fileName, String contentType, long size, int pages) {
  }

  /** One of the unit's documents, in words. */
  public record DocumentRow(String fileName, String type, String pages, String size, String addedBy, String addedOn) {
  }

  private final ContributionAccess access;
  private final AskedContributions records;
  private final CaseDocuments documents;
  private final ProcessEngine engine;
  private final TransactionTemplate transaction;
  private final String tasklist;

  public ContributionPage(ContributionAccess access, AskedContributions records, CaseDocuments documents,
                          ProcessEngine engine, PlatformTransactionManager transactions) {
    this.access = access;
    this.records = records;
    this.documents = documents;
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactions);
    this.tasklist = "/camunda/app/tasklist/" + engine.getName() + "/";
  }

  @GetMapping(value = "/contributions/{contributionId}", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView show(@PathVariable String contributionId, Authentication signedIn) {
    return access.open(contributionId, signedIn).map(opened -> {
      AskedContributions.Contribution contribution = opened.contribution();
      CaseFile file = CaseFile.recorded(caseValues(contribution.processInstanceId(), opened.taskId()));
      return new ModelAndView("contribution")
          .addObject("contribution", contribution).addObject("stylesheet", "/redaction.css")
          .addObject("subject", file.text(SUBJECT))
          .addObject("requestText", file.text(REQUEST_TEXT))
          .addObject("dueOn", UkTimes.day(contribution.dueOn()))
          .addObject("askedOn", UkTimes.day(contribution.askedOn()))
          .addObject("documents", rows(contribution))
          .addObject("mayAdd", opened.taskId() != null)
          .addObject("upload", "/contributions/" + contribution.id() + "/documents")
          .addObject("tasklist", opened.taskId() == null ? tasklist : tasklist + "#/?task=" + opened.taskId());
    }).orElseGet(ContributionPage::notFound);
  }

  @PostMapping(path = "/contributions/{contributionId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public ResponseEntity<Uploaded> upload(@PathVariable String contributionId,
                                         @RequestPart(name = "file", required = false) MultipartFile file,
                                         Authentication signedIn) throws IOException {
    ContributionAccess.Opened opened = access.open(contributionId, signedIn).orElseThrow(() ->
        new DocumentRefusedException(404, "contribution-not-found", "contributionId", "there is no such contribution"));
    if (opened.taskId() == null) {
      throw new org.foiflow.casefile.CaseConflictException("the unit has answered: documents are added to the case"
          + " page now");
    }
    if (file == null) {
      throw new InvalidRequestException(Map.of("file", "is required: send the document as the multipart part 'file'"));
    }
    documents.refuseIfTooLarge(file.getSize());
    byte[] content = file.getBytes();
    AskedContributions.Contribution contribution = opened.contribution();
    String addedBy = signedIn.getName() + " (" + contribution.unitName() + ")";
    CaseDocument added = transaction.execute(status -> {
      CaseDocument document = documents.received(contribution.processInstanceId(), file.getOriginalFilename(),
          content, addedBy);
      records.addDocument(contribution.id(), document.id());
      return document;
    });
    return ResponseEntity.created(URI.create("/contributions/" + contribution.id()))
        .body(new Uploaded(added.id(), added.fileName(), added.contentType(), added.size(), added.pages()));
  }

  private List<DocumentRow> rows(AskedContributions.Contribution contribution) {
    Set<String> ids = Set.copyOf(records.documentIds(contribution.id()));
    return documents.of(contribution.processInstanceId()).stream().filter(document -> ids.contains(document.id()))
        .map(document -> new DocumentRow(document.fileName(), CaseDocumentList.type(document.contentType()),
            String.valueOf(document.pages()), CaseDocumentList.size(document.size()), document.addedBy(),
            document.addedAt() == null ? null : UkTimes.day(java.util.Date.from(document.addedAt()))))
        .toList();
  }

  /**
   * The case's subject and request: through the unit's open task (its members may read the task's variables, not
   * the case's history), else from the case's history as the FOI team reads it.
   */
  private Map<String, Object> caseValues(String processInstanceId, String taskId) {
    if (taskId != null) {
      return new HashMap<>(engine.getTaskService().getVariables(taskId, List.of(SUBJECT.key(), REQUEST_TEXT.key())));
    }
    Map<String, Object> values = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn(SUBJECT.key(), REQUEST_TEXT.key()).list().stream()
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(processInstanceId))
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }

  private static ModelAndView notFound() {
    ModelAndView view = new ModelAndView("case-not-shown");
    view.setStatus(HttpStatus.NOT_FOUND);
    view.addObject("title", "No such page");
    view.addObject("explanation", "There is nothing to show at this address. If your unit was asked for"
        + " information, open the task in Tasklist and follow its link.");
    return view;
  }
}
