package org.foiflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every name a model in bpmn/ uses must exist where the engine will look for it at run time, so that a
 * typo made in Camunda Modeler fails here, with the element and the name, and not in a running case:
 * <ul>
 *   <li>Spring beans: {@code camunda:delegateExpression="${name}"}, {@code camunda:expression="${name.method(..)}"},
 *       task and execution listeners, timer expressions;</li>
 *   <li>forms ({@code camunda:formRef} is the "id" of a form in forms/), decisions ({@code camunda:decisionRef}
 *       is a decision in bpmn/*.dmn) and called processes;</li>
 *   <li>variables: whatever a gateway condition, a timer, a due date, a multi-instance collection or the input
 *       expression of a referenced DMN table reads must be written by a field of one of the model's forms,
 *       by the model itself (result variables, element variables, input/output mappings,
 *       {@code execution.setVariable('name', ..)}), or by a bean or message documented in
 *       docs/process-variables.md.</li>
 * </ul>
 * The order of stages is not checked; what is written must only be written somewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ModelReferencesTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Names the engine itself provides to expressions. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId", "loopCounter",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "now", "dateTime", "currentUser",
      "currentUserGroups", "S", "JSON", "XML", "variableScope", "externalTask", "processEngine");
  static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof", "between", "in", "instance", "of", "if", "then",
      "else", "for", "return", "some", "every", "satisfies", "function");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([A-Za-z_]\\w*)(?!\\w)");
  private static final Pattern SET_VARIABLE = Pattern.compile("setVariable(?:Local)?\\(\\s*['\"](\\w+)['\"]");
  private static final Pattern DOCUMENTED = Pattern.compile("`([A-Za-z_]\\w*)`");

  @Autowired
  ApplicationContext spring;

  private Project project;

  @BeforeEach
  void readTheProject() throws Exception {
    project = Project.read(Path.of("bpmn"), Path.of("forms"), Path.of("docs", "process-variables.md"),
        spring::containsBean);
  }

  @Test
  void everyBeanFormDecisionAndVariableAModelNamesExists() throws Exception {
    List<Path> models = project.models();
    assertThat(models).as("models in bpmn/").isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path model : models) {
      problems.addAll(project.problems(model.toString(), Files.readString(model)));
    }
    assertThat(problems).as("names in bpmn/*.bpmn that nothing provides:%n  %s", String.join("\n  ", problems))
        .isEmpty();
  }

  /** The check itself: a model with one mistake of each kind is refused, each mistake named. */
  @Test
  void aModelWithBrokenReferencesIsRefusedWithTheElementAndTheName() throws Exception {
    String model = Files.readString(Path.of("bpmn", "foi-request.bpmn"))
        .replace("camunda:delegateExpression=\"${registerRequest}\"", "camunda:delegateExpression=\"${registerRequests}\"")
        .replace("delegateExpression=\"${harmTestRecord}\"", "delegateExpression=\"${harmTestRecorder}\"")
        .replace("${caseClosure.close(execution, &#39;LAPSED&#39;)}", "${caseClosing.close(execution, &#39;LAPSED&#39;)}")
        .replace("camunda:formRef=\"triage\"", "camunda:formRef=\"triage-form\"")
        .replace("camunda:decisionRef=\"response-outcome\"", "camunda:decisionRef=\"response-outcomes\"")
        .replace("${triageRoute == 'CLARIFY'}", "${triageRoutes == 'CLARIFY'}");
    List<String> problems = project.problems("broken.bpmn", model);
    assertThat(String.join("\n", problems))
        .contains("RegisterRequest", "bean \"registerRequests\"")
        .contains("HarmTest", "bean \"harmTestRecorder\"")
        .contains("CloseAsLapsed", "bean \"caseClosing\"")
        .contains("Triage", "form \"triage-form\"")
        .contains("DecideOutcome", "decision \"response-outcomes\"")
        .contains("Flow_RouteClarify", "variable \"triageRoutes\"");
    assertThat(problems).hasSize(6);
  }

  @Test
  void aDmnInputThatNothingWritesIsRefused() throws Exception {
    Project withBrokenTable = project.withDecisionInput("triage-route", "vexatious", "vexatiousness");
    List<String> problems = withBrokenTable.problems("bpmn/foi-request.bpmn",
        Files.readString(Path.of("bpmn", "foi-request.bpmn")));
    assertThat(problems).singleElement().asString().contains("DecideTriageRoute", "triage-route", "\"vexatiousness\"");
  }

  // ----------------------------------------------------------------------------------------------

  /** What the models may refer to: beans, forms (and their fields), decisions (and their inputs), processes. */
  record Project(Path bpmnFolder, Predicate<String> beans, Map<String, Set<String>> formFields,
                 Map<String, List<String>> decisionInputs, Set<String> processIds, Set<String> documented) {

    static Project read(Path bpmnFolder, Path formFolder, Path variablesDoc, Predicate<String> beans) throws Exception {
      Map<String, Set<String>> forms = new TreeMap<>();
      ObjectMapper json = new ObjectMapper();
      for (Path form : list(formFolder, ".form")) {
        JsonNode schema = json.readTree(form.toFile());
        Set<String> keys = new LinkedHashSet<>();
        collectKeys(schema.path("components"), keys);
        forms.put(schema.path("id").asText(), keys);
      }
      Map<String, List<String>> decisions = new TreeMap<>();
      for (Path dmn : list(bpmnFolder, ".dmn")) {
        Document document = xml(Files.readString(dmn));
        NodeList list = document.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < list.getLength(); i++) {
          Element decision = (Element) list.item(i);
          List<String> inputs = new ArrayList<>();
          NodeList expressions = decision.getElementsByTagNameNS("*", "inputExpression");
          for (int j = 0; j < expressions.getLength(); j++) {
            inputs.add(expressions.item(j).getTextContent().trim());
          }
          decisions.put(decision.getAttribute("id"), inputs);
        }
      }
      Set<String> processes = new LinkedHashSet<>();
      for (Path bpmn : list(bpmnFolder, ".bpmn")) {
        NodeList list = xml(Files.readString(bpmn)).getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < list.getLength(); i++) {
          processes.add(((Element) list.item(i)).getAttribute("id"));
        }
      }
      Set<String> documented = new LinkedHashSet<>();
      for (String line : Files.readAllLines(variablesDoc)) {
        if (line.startsWith("|")) {
          String firstCell = line.substring(1).split("\\|", 2)[0];
          Matcher names = DOCUMENTED.matcher(firstCell);
          while (names.find()) {
            documented.add(names.group(1));
          }
        }
      }
      return new Project(bpmnFolder, beans, forms, decisions, processes, documented);
    }

    List<Path> models() throws IOException {
      return list(bpmnFolder, ".bpmn");
    }

    Project withDecisionInput(String decision, String input, String replacement) {
      Map<String, List<String>> changed = new HashMap<>(decisionInputs);
      changed.put(decision, decisionInputs.get(decision).stream()
          .map(expression -> expression.equals(input) ? replacement : expression).toList());
      return new Project(bpmnFolder, beans, formFields, changed, processIds, documented);
    }

    /** Every unresolved name in one model, as "file › element: what is missing". */
    List<String> problems(String file, String bpmnXml) throws Exception {
      Usage usage = usage(file, bpmnXml);
      List<String> problems = new ArrayList<>(usage.problems());
      Set<String> written = new LinkedHashSet<>(documented);
      written.addAll(usage.written());
      for (Read read : usage.reads()) {
        for (String variable : read.variables()) {
          if (!written.contains(variable)) {
            problems.add(read.where() + ": " + read.what() + " reads variable \"" + variable + "\", which no form of "
                + "the model, no element of it and no row of docs/process-variables.md writes");
          }
        }
      }
      return problems;
    }

    /** The process id of a model and every variable it names: what its forms and elements write, and what it reads. */
    Map.Entry<String, Set<String>> variables(String file, String bpmnXml) throws Exception {
      Usage usage = usage(file, bpmnXml);
      Set<String> named = new LinkedHashSet<>(usage.written());
      usage.reads().forEach(read -> named.addAll(read.variables()));
      NodeList processes = xml(bpmnXml).getElementsByTagNameNS(BPMN, "process");
      return Map.entry(((Element) processes.item(0)).getAttribute("id"), named);
    }

    /** Walks one model: the references it cannot resolve, what it writes itself (forms included), what it reads. */
    private Usage usage(String file, String bpmnXml) throws Exception {
      Document model = xml(bpmnXml);
      List<String> problems = new ArrayList<>();
      Set<String> written = new LinkedHashSet<>();
      List<Read> reads = new ArrayList<>();

      for (Element element : elements(model.getDocumentElement())) {
        String where = file + " › " + describe(element);
        // --- references by name
        String formRef = camunda(element, "formRef");
        if (formRef != null && !formRef.contains("${")) {
          if (!formFields.containsKey(formRef)) {
            problems.add(where + ": form \"" + formRef + "\" (camunda:formRef) is not the \"id\" of any form in forms/");
          } else {
            written.addAll(formFields.get(formRef));
          }
        }
        String decisionRef = camunda(element, "decisionRef");
        if (decisionRef != null && !decisionRef.contains("${")) {
          if (!decisionInputs.containsKey(decisionRef)) {
            problems.add(where + ": decision \"" + decisionRef + "\" (camunda:decisionRef) is in no bpmn/*.dmn");
          } else {
            for (String input : decisionInputs.get(decisionRef)) {
              reads.add(new Read(where, "input \"" + input + "\" of DMN table " + decisionRef, roots(input, false)));
            }
          }
        }
        if (BPMN.equals(element.getNamespaceURI()) && "callActivity".equals(element.getLocalName())) {
          String called = element.getAttribute("calledElement");
          if (!called.isEmpty() && !called.contains("${") && !processIds.contains(called)) {
            problems.add(where + ": called process \"" + called + "\" is in no bpmn/*.bpmn");
          }
        }
        // --- beans
        String delegate = attribute(element, "delegateExpression");
        if (delegate != null) {
          beanProblem(where, "delegateExpression", delegate, true).ifPresent(problems::add);
        }
        String expression = attribute(element, "expression");
        if (expression != null) {
          beanProblem(where, "expression", expression, false).ifPresent(problems::add);
          // a name called as an object (name.method()) was checked as a bean just above
          reads.add(new Read(where, "expression", roots(expression, true).stream()
              .filter(name -> !name.endsWith(".") && !ENGINE_NAMES.contains(name) && !beans.test(name)).toList()));
        }
        // --- what the model writes itself
        for (String name : new String[] {"resultVariable", "elementVariable"}) {
          String variable = camunda(element, name);
          if (variable != null) {
            written.add(variable);
          }
        }
        if (CAMUNDA.equals(element.getNamespaceURI()) && Set.of("inputParameter", "outputParameter")
            .contains(element.getLocalName())) {
          written.add(element.getAttribute("name"));
        }
        Matcher setVariable = SET_VARIABLE.matcher(String.valueOf(expression));
        while (setVariable.find()) {
          written.add(setVariable.group(1));
        }
        // --- what the model reads
        if (BPMN.equals(element.getNamespaceURI()) && Set.of("conditionExpression", "timeDate", "timeDuration",
            "timeCycle", "loopCardinality", "completionCondition").contains(element.getLocalName())) {
          reads.add(new Read(file + " › " + describe((Element) element.getParentNode()), element.getLocalName(),
              nonBeanRoots(element.getTextContent())));
        }
        for (String name : new String[] {"collection", "dueDate", "followUpDate", "candidateGroups", "candidateUsers",
            "assignee", "priority"}) {
          String value = camunda(element, name);
          if (value != null && value.contains("{")) {
            reads.add(new Read(where, "camunda:" + name, nonBeanRoots(value)));
          }
        }
      }
      return new Usage(problems, written, reads);
    }

    /** A delegate must be a bean; an expression calling a method on something that is neither a bean nor the engine's. */
    private java.util.Optional<String> beanProblem(String where, String attribute, String expression, boolean delegate) {
      for (String root : roots(expression, true)) {
        boolean called = root.endsWith(".");
        String name = called ? root.substring(0, root.length() - 1) : root;
        if (ENGINE_NAMES.contains(name) || beans.test(name)) {
          continue;
        }
        if (delegate || called) {
          return java.util.Optional.of(where + ": " + attribute + " \"" + expression + "\" names bean \"" + name
              + "\", which is not a Spring bean of the application");
        }
      }
      return java.util.Optional.empty();
    }

    /** The variables an expression reads: its root names that are neither beans nor the engine's. */
    private List<String> nonBeanRoots(String expression) {
      return roots(expression, false).stream().filter(name -> !beans.test(name)).toList();
    }
  }

  record Read(String where, String what, List<String> variables) {
  }

  record Usage(List<String> problems, Set<String> written, List<Read> reads) {
  }

  /**
   * The names an expression starts from: {@code a.b(c) && !d} gives a, c, d. Functions ({@code now()}) and
   * keywords are left out; with markCalls, a name followed by a dot (a method or property) ends with ".".
   */
  static List<String> roots(String text, boolean markCalls) {
    List<String> bodies = new ArrayList<>();
    Matcher expressions = EXPRESSION.matcher(text);
    while (expressions.find()) {
      bodies.add(expressions.group(1));
    }
    if (bodies.isEmpty() && !text.contains("$") && !text.contains("#")) {
      bodies.add(text); // a DMN input expression is bare FEEL
    }
    Set<String> roots = new LinkedHashSet<>();
    for (String body : bodies) {
      String code = STRING_LITERAL.matcher(body).replaceAll("''");
      Matcher names = IDENTIFIER.matcher(code);
      while (names.find()) {
        String name = names.group(1);
        String after = code.substring(names.end()).stripLeading();
        if (KEYWORDS.contains(name) || after.startsWith("(") || ENGINE_NAMES.contains(name) && !markCalls) {
          continue;
        }
        roots.add(markCalls && after.startsWith(".") ? name + "." : name);
      }
    }
    return new ArrayList<>(roots);
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText().split("\\.")[0]);
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private static String camunda(Element element, String name) {
    String value = element.getAttributeNS(CAMUNDA, name);
    return value.isEmpty() ? null : value;
  }

  /** camunda:NAME on a BPMN element, or NAME on a camunda: extension element (listeners). */
  private static String attribute(Element element, String name) {
    if (CAMUNDA.equals(element.getNamespaceURI())) {
      String value = element.getAttribute(name);
      return value.isEmpty() ? null : value;
    }
    return camunda(element, name);
  }

  /** The BPMN element an element belongs to, by id and name: "Triage (Triage)". */
  private static String describe(Element element) {
    Node node = element;
    while (node instanceof Element candidate) {
      if (BPMN.equals(candidate.getNamespaceURI()) && !candidate.getAttribute("id").isEmpty()) {
        String name = candidate.getAttribute("name");
        String kind = candidate.getLocalName();
        String self = candidate == element ? "" : " " + element.getLocalName();
        return candidate.getAttribute("id") + (name.isEmpty() ? "" : " (" + name + ")") + " [" + kind + "]" + self;
      }
      node = candidate.getParentNode();
    }
    return element.getLocalName();
  }

  private static List<Element> elements(Element root) {
    List<Element> all = new ArrayList<>();
    NodeList list = root.getElementsByTagName("*");
    for (int i = 0; i < list.getLength(); i++) {
      all.add((Element) list.item(i));
    }
    return all;
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Path> list(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(path -> path.toString().endsWith(extension)).sorted().toList();
    }
  }
}
