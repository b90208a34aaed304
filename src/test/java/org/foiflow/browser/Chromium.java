package org.foiflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver. Both paths are given explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver. `./test` installs the two packages when they
 * are missing; a plain `mvn test` on a machine without them fails the browser tests, saying what to install.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Selenium warns that it has no DevTools (CDP) classes for this Chromium: these tests use none. */
  private static final java.util.List<java.util.logging.Logger> QUIET = java.util.stream.Stream.of(
      "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
      .map(java.util.logging.Logger::getLogger).peek(logger -> logger.setLevel(java.util.logging.Level.SEVERE))
      .toList();

  private final Path profile;
  private final ChromeDriver driver;

  private Chromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  static void requireInstalled() {
    boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    String missing = "Debian's chromium and chromium-driver are not installed (" + BINARY + ", " + DRIVER
        + "): run ./test, which installs them, or apt-get install chromium chromium-driver";
    if (!installed) {
      Assertions.fail(missing);
    }
  }

  static Chromium start() {
    requireInstalled();
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("foiflow-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BINARY.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return new Chromium(profile, driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as target/screenshots/NAME.png; never fails the test itself. */
  Path screenshot(String name) {
    return screenshot(SCREENSHOTS, name);
  }

  /** Saves what the browser shows as FOLDER/NAME.png; never fails the test itself. */
  Path screenshot(Path folder, String name) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
