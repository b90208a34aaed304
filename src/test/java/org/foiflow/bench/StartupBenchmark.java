package org.foiflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.foiflow.FoiflowApplication;
import org.foiflow.http.BasicAuthCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up on the embedded default (H2 file, demo users): from starting a new JVM to the engine's REST API
 * answering an authenticated request. The first start creates the database; the restarts find it there.
 */
class StartupBenchmark {

  private static final int RESTARTS = Integer.getInteger("bench.startup.restarts", 3);
  private static final Duration GIVE_UP = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  @Test
  void fromProcessStartToTheRestApiAnswering() throws Exception {
    double first = startAndStop(1);
    List<Double> restarts = new ArrayList<>();
    for (int i = 0; i < RESTARTS; i++) {
      restarts.add(startAndStop(i + 2));
    }
    List<Double> sorted = restarts.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    new FigureTable("Start-up to GET /engine-rest/engine answering 200 (H2 file, demo profile)",
        "start", "seconds")
        .row("first start (creates the schema, deploys the models)", first)
        .row("restart, median of " + RESTARTS, String.format("%.1f", median))
        .row("restarts", restarts.stream().map(s -> String.format("%.1f", s)).toList())
        .note("A child JVM (`java -cp <test class path> " + FoiflowApplication.class.getName()
            + "`), default JVM options, polled every 50 ms.")
        .publish("startup");
  }

  /**
   * This JVM's class path as plain entries, without the working directory: surefire's class path names it
   * (directly or through its booter jar's manifest), and from there Spring would find the models a second time
   * in ./bpmn/, which the engine refuses to deploy.
   */
  private static String classPath() throws IOException {
    Path workingDirectory = Path.of("").toAbsolutePath();
    java.util.Set<String> entries = new java.util.LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar") && Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
          URI base = Path.of(entry).toAbsolutePath().toUri();
          for (String listed : jar.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+")) {
            entries.add(Path.of(base.resolve(listed)).toString());
          }
        }
      } else if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    entries.remove(workingDirectory.toString());
    entries.remove(workingDirectory + "/");
    return String.join(java.io.File.pathSeparator, entries);
  }

  private double startAndStop(int run) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = dir.resolve("start-" + run + ".log");
    Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath(), FoiflowApplication.class.getName(),
        "--spring.profiles.active=demo", "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/foiflow;DB_CLOSE_ON_EXIT=FALSE")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long started = System.nanoTime();
    try {
      HttpRequest engine = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
          .header("Authorization", BasicAuthCalls.authorization("admin", "demo"))
          .timeout(Duration.ofSeconds(5)).build();
      while (true) {
        if (!app.isAlive()) {
          List<String> lines = Files.readAllLines(log);
          lines.stream().filter(line -> line.contains("Auto-Deploying")).forEach(System.out::println);
          throw new AssertionError("the application stopped (exit " + app.exitValue() + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        assertThat(System.nanoTime() - started).as("no answer within %s", GIVE_UP).isLessThan(GIVE_UP.toNanos());
        try {
          HttpResponse<String> answer = http.send(engine, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(answer.body()).contains("\"name\"");
            return seconds;
          }
        } catch (ConnectException | java.net.http.HttpConnectTimeoutException notYet) {
          // the server is not listening yet
        } catch (IOException early) {
          // connection reset while the server comes up
        }
        Thread.sleep(50);
      }
    } finally {
      app.destroy();
      if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
      System.out.println("start " + run + " log: " + Files.readAllLines(log).stream()
          .filter(line -> line.contains("Started FoiflowApplication")).findFirst().orElse("(no 'Started' line)"));
    }
  }
}
