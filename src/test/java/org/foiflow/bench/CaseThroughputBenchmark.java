package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.foiflow.casefile.FoiRequest;
import org.foiflow.correspondence.LettersByPost;
import org.foiflow.process.FoiCase;
import org.foiflow.similarity.RequestTestSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases per second of the real process against the bare engine's floor, on an H2 file and on PostgreSQL
 * (synchronous commit on, as in production), measured in turns in the same run.
 *
 * <p>(a) the floor: a standalone engine (no Spring, no plugins, no listeners, authorizations off) running a
 * model with the same user tasks as the typical path and one expression service task, full history, the
 * same id generator, serialisation and connection pool as the application. (b) foiflow: a s.31 refusal through
 * harm test, public interest test, drafted letter, approval and issue. Both drivers make the same
 * engine calls per step (find the task, look up the user's groups, claim, complete with the form's values).
 */
class CaseThroughputBenchmark {

  private static final List<String> TEXTS = RequestTestSet.rows().values().stream().map(RequestTestSet.Row::text)
      .toList();
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.throughput.warmUpSeconds", 20));
  private static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.throughput.roundSeconds", 10));
  private static final int ROUNDS = Integer.getInteger("bench.throughput.rounds", 3);

  /** The user tasks of the typical path, in order, each with the values its form submits. */
  private static final List<String> USER_TASKS =
      List.of("Triage", "LocateInformation", "AssessExemptions", "HarmTest", "PublicInterestTest", "ApproveResponse");

  @TempDir
  Path h2Files;

  @Test
  void section31RefusalAgainstTheBareEngineOnH2AndPostgres() throws Exception {
    FigureTable throughput = new FigureTable("Case throughput (one driver thread)",
        "database", "(a) bare engine, cases/s", "(b) foiflow, cases/s", "ratio b/a (time per case)",
        "cases measured a / b");
    FigureTable steps = new FigureTable("Where a case's time goes (mean ms per call, measured rounds)",
        "database", "step", "(a) bare engine", "(b) foiflow", "b − a");

    String h2 = "jdbc:h2:file:" + h2Files.toAbsolutePath() + "/%s;DB_CLOSE_ON_EXIT=FALSE";
    measure("H2 file", String.format(h2, "floor"), String.format(h2, "foiflow"), "sa", "", throughput, steps);
    try (BenchPostgres postgres = BenchPostgres.start(true)) {
      measure("PostgreSQL " + postgres.version(), postgres.createDatabase("floor"), postgres.createDatabase("foiflow"),
          "postgres", "postgres", throughput, steps);
    }
    throughput.note("Warm-up " + WARM_UP.toSeconds() + " s each, then " + ROUNDS + " rounds of " + ROUND.toSeconds()
        + " s each, a and b taking turns; cases/s = cases finished ÷ time over all rounds.");
    throughput.publish("case-throughput");
    steps.publish("case-steps");
  }

  private void measure(String database, String floorUrl, String foiflowUrl, String user, String password,
                       FigureTable throughput, FigureTable steps) {
    HikariDataSource floorPool = pool(floorUrl, user, password);
    ProcessEngine floor = floorEngine(floorPool);
    ConfigurableApplicationContext app = FoiflowNode.start(foiflowUrl, user, password);
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Runner a = new Runner(() -> floorCase(floor));
      Runner b = new Runner(() -> foiflowCase(engine));
      a.run(WARM_UP, false);
      b.run(WARM_UP, false);
      for (int round = 0; round < ROUNDS; round++) {
        a.run(ROUND, true);
        b.run(ROUND, true);
      }
      // every case really ended, with the outcome the path leads to
      assertEnded(floor, "engine-floor", a.lastInstance, a.cases);
      assertEnded(engine, FoiRequest.PROCESS_KEY, b.lastInstance, b.cases);
      // without SMTP each case's two letters (acknowledgement, refusal notice) wait as "Print and post" tasks
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(LettersByPost.PROCESS_KEY).count()).isEqualTo(2L * b.cases);
      assertThat(jdbc.queryForObject("SELECT outcome FROM foi_case WHERE process_instance_id = ?", String.class,
          b.lastInstance)).isEqualTo("WITHHELD_IN_FULL");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_case WHERE closed_on IS NULL", Long.class)).isZero();

      double aRate = a.measuredCases / a.measuredSeconds;
      double bRate = b.measuredCases / b.measuredSeconds;
      throughput.row(database, aRate, bRate, String.format("%.2f", aRate / bRate),
          a.measuredCases + " / " + b.measuredCases);
      for (String step : b.stepTimes.keySet()) {
        Latencies floorStep = a.stepTimes.get(step);
        double aMs = floorStep == null ? 0 : floorStep.meanMillis();
        double bMs = b.stepTimes.get(step).meanMillis();
        steps.row(database, step, aMs, bMs, bMs - aMs);
      }
    } finally {
      app.close();
      floor.close();
      floorPool.close();
    }
  }

  private static void assertEnded(ProcessEngine engine, String processKey, String lastInstance, int cases) {
    HistoricProcessInstance last = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(lastInstance).singleResult();
    assertThat(last.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(lastInstance)
        .variableName("outcome").singleResult().getValue()).isEqualTo("WITHHELD_IN_FULL");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .finished().count()).isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count()).isZero();
  }

  // (a) the floor

  private static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    return pool;
  }

  private static ProcessEngine floorEngine(HikariDataSource pool) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("floor-" + System.nanoTime());
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    // as the Spring Boot starter configures the application's engine
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setDefaultSerializationFormat("application/json");
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("engine-floor.bpmn", floorModel()).deploy();
    return engine;
  }

  /** The typical path's user tasks in a row, with one expression service task before the approval. */
  static BpmnModelInstance floorModel() {
    return Bpmn.createExecutableProcess("engine-floor").camundaHistoryTimeToLive(2555)
        .startEvent()
        .userTask("Triage").camundaCandidateGroups("foi-officers")
        .userTask("LocateInformation").camundaCandidateGroups("foi-officers")
        .userTask("AssessExemptions").camundaCandidateGroups("foi-officers")
        .userTask("HarmTest").camundaCandidateGroups("foi-officers")
        .userTask("PublicInterestTest").camundaCandidateGroups("foi-officers")
        .serviceTask("DecideOutcome").camundaExpression("${execution.setVariable('outcome', 'WITHHELD_IN_FULL')}")
        .userTask("ApproveResponse").camundaCandidateGroups("foi-approvers")
        .endEvent()
        .done();
  }

  private static final Map<String, Map<String, Object>> FORM_VALUES = formValues();

  /** What FoiCase submits on each task of the s.31 path, so both engines store the same variables. */
  private static Map<String, Map<String, Object>> formValues() {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    values.put("Triage", Map.of("regime", "FOIA", "validRequest", true, "subjectAccessRequest", false,
        "clarificationNeeded", false, "vexatious", false, "repeatedRequest", false, "informationHeld", true, "feesPayable", false,
        "estimatedHours", 4));
    values.put("LocateInformation", Map.of(
        "informationSummary", "The force CCTV and identification procedures policy, 14 pages.",
        "informationLocation", "Policy library, Professional Standards", "retrievalHours", 1.5));
    values.put("AssessExemptions", Map.of("disclosureScope", "WITHHOLD", "exemptions", List.of("s31"),
        "assessmentNotes", "Sections 4 to 6 describe tactics for identifying suspects."));
    values.put("HarmTest", Map.of(
        "harm", "Offenders could learn how suspects are identified from CCTV and avoid being identified.",
        "causalLink", "The withheld sections set out the order and timing of identification steps.",
        "likelihood", "WOULD_BE_LIKELY", "harmConclusion", "SHOWN"));
    values.put("PublicInterestTest", Map.of(
        "factorsFor", "Openness about how the force uses CCTV builds public trust.",
        "factorsAgainst", "Revealing identification tactics would help offenders evade justice.",
        "balance", "WITHHOLD",
        "conclusion", "The risk to law enforcement outweighs the general interest in transparency."));
    values.put("ApproveResponse", Map.of("approvalDecision", "APPROVE"));
    return values;
  }

  /**
   * Each case from a requester of its own, asking in words of its own: two texts of the similarity test set
   * (section 7) joined, a different pair each time. With one requester asking the same thing every time, as
   * before, each case's similar-requests, round-robin and requester-history look-ups met every case the run had
   * logged, so the cost of a case grew with the length of the run.
   */
  private static VariableMap request() {
    int n = REQUESTS.getAndIncrement();
    int first = n % TEXTS.size();
    int second = (first + 1 + n / TEXTS.size()) % TEXTS.size();
    VariableMap request = FoiCase.aRequest("Requester " + n, LocalDate.now(ZoneId.of("Europe/London")));
    request.putValue("requestText", TEXTS.get(first) + " " + TEXTS.get(second));
    return request;
  }

  private static String floorCase(ProcessEngine engine) {
    ProcessInstance instance = timed("start", () -> engine.getRuntimeService()
        .startProcessInstanceByKey("engine-floor", request()));
    for (String activity : USER_TASKS) {
      String user = "ApproveResponse".equals(activity) ? FoiCase.APPROVER : FoiCase.OFFICER;
      timed(activity, () -> {
        // the same calls FoiCase.complete makes
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(activity).singleResult();
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(group -> group.getId()).toList();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
          engine.getTaskService().claim(task.getId(), user);
          engine.getTaskService().complete(task.getId(), FORM_VALUES.get(activity));
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
        return task;
      });
    }
    return instance.getId();
  }

  // (b) foiflow

  private static String foiflowCase(ProcessEngine engine) {
    FoiCase foi = timed("start", () -> FoiCase.logged(engine, request()));
    timed("Triage", foi::validAndHeld);
    timed("LocateInformation", foi::located);
    timed("AssessExemptions", () -> foi.assessed("WITHHOLD", "s31"));
    timed("HarmTest", () -> foi.harmShown("WOULD_BE_LIKELY"));
    timed("PublicInterestTest", () -> foi.publicInterestBalanced("WITHHOLD"));
    timed("ApproveResponse", foi::approved);
    return foi.instance().getId();
  }

  // timing

  private static final ThreadLocal<Map<String, Latencies>> STEPS = new ThreadLocal<>();

  private static <T> T timed(String step, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    Map<String, Latencies> steps = STEPS.get();
    if (steps != null) {
      steps.computeIfAbsent(step, s -> new Latencies()).add(System.nanoTime() - start);
    }
    return result;
  }

  /** Runs whole cases one after another for a while, counting them and (when measuring) timing each step. */
  private static final class Runner {

    private final Supplier<String> oneCase;
    private final Map<String, Latencies> stepTimes = new LinkedHashMap<>();
    private int cases;
    private int measuredCases;
    private double measuredSeconds;
    private String lastInstance;

    Runner(Supplier<String> oneCase) {
      this.oneCase = oneCase;
    }

    void run(Duration duration, boolean measured) {
      STEPS.set(measured ? stepTimes : null);
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      int done = 0;
      do {
        lastInstance = oneCase.get();
        done++;
      } while (System.nanoTime() < end);
      double seconds = (System.nanoTime() - start) / 1e9;
      STEPS.remove();
      cases += done;
      if (measured) {
        measuredCases += done;
        measuredSeconds += seconds;
      }
    }
  }
}
