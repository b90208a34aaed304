package org.foiflow.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.foiflow.FoiflowApplication;
import org.foiflow.http.BasicAuthCalls;

/**
 * One foiflow node: the application in its own JVM (the test's classpath), postgres and demo profiles, on
 * the shared PostgreSQL, emailing to the test's SMTP server. Started, stopped, or killed like kill -9.
 * Its log goes to target/cluster/{name}.log.
 */
public final class ClusterNode {

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;

  public ClusterNode(String name, String jdbcUrl, int smtpPort) {
    this(name, jdbcUrl, smtpPort, List.of());
  }

  /** With more settings for the application, as command-line arguments (e.g. the mailbox it reads). */
  public ClusterNode(String name, String jdbcUrl, int smtpPort, List<String> moreArguments) {
    this.name = name;
    this.port = freePort();
    this.log = Path.of("target", "cluster", name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command = new ArrayList<>(List.of(java,
        // a test node: quick start and a small footprint beat peak speed
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", testClasspath(),
        FoiflowApplication.class.getName(),
        "--spring.profiles.active=postgres,demo",
        "--server.port=" + port,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + EmbeddedPostgresDatabase.USER,
        "--spring.datasource.password=",
        "--spring.mail.host=localhost",
        "--spring.mail.port=" + smtpPort,
        // the node's name in the job log (ACT_HI_JOB_LOG.HOSTNAME_), to see which node ran each timer
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // look for due jobs often, so the test does not wait on the production polling interval
        "--camunda.bpm.job-execution.wait-time-in-millis=300",
        "--camunda.bpm.job-execution.max-wait=1000",
        // a killed node's unsent letters are picked up within seconds, not minutes
        "--foiflow.letters.dispatch-retry=PT2S",
        "--foiflow.letters.dispatch-lease=PT5S",
        "--logging.level.root=WARN",
        "--logging.level.org.foiflow=INFO",
        "--spring.main.banner-mode=off"));
    command.addAll(moreArguments);
  }

  public String name() {
    return name;
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  public ClusterNode start() throws IOException {
    Files.createDirectories(log.getParent());
    Files.writeString(log, "---- " + Instant.now() + " start " + name + ": " + String.join(" ", command) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command)
        .directory(new File(System.getProperty("user.dir")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    // no node outlives the test JVM, even when the test is interrupted before its @AfterAll
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    return this;
  }

  /** Waits until the node answers the API (its engine is up and has deployed the models). */
  public ClusterNode awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped while starting; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/engine-rest/process-definition/key/foi-request")))
            .header("Authorization", BasicAuthCalls.authorization("maya", "demo"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log.toAbsolutePath());
  }

  /** kill -9: no shutdown hook, no engine shutdown, open transactions die with the connection. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** An orderly stop (SIGTERM), as an operator would. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The test's classpath without empty entries, which would put the working directory (and ./bpmn) on it. */
  private static String testClasspath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException none) {
      throw new IllegalStateException(none);
    }
  }
}
