package org.foiflow.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.Point;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person uses it: log in, start a process from its start form, open a task from a
 * filter, claim it, fill in its Camunda Form by the fields' labels, and complete it. Every wait is for
 * something on the page, never a fixed sleep.
 */
final class Tasklist {

  static final String PASSWORD = "demo";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private String browserLog() {
    try {
      return driver.manage().logs().get("browser").getAll().toString();
    } catch (RuntimeException noLog) {
      return "(no log: " + noLog.getMessage() + ")";
    }
  }

  /** Finds a form-js field by the text of its label (without the required-field asterisk). */
  private static final String FIELD_BY_LABEL = """
      const [root, label] = arguments;
      const norm = s => s.replace(/\\s+/g, ' ').replace(/\\*$/, '').trim();
      for (const field of root.querySelectorAll('.fjs-form-field')) {
        const own = field.querySelector('.fjs-form-field-label');
        if (own && norm(own.textContent) === label) return field;
      }
      return null;""";

  private final WebDriver driver;
  private final String base;
  private final String engineName;

  /** Tasklist of the engine with this name (tests give each engine a unique name, the app calls it "default"). */
  Tasklist(WebDriver driver, String base, String engineName) {
    this.driver = driver;
    this.base = base;
    this.engineName = engineName;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waiting().ignoring(StaleElementReferenceException.class).until(condition);
  }

  // --- logging in and out ----------------------------------------------------------------------

  void logIn(String user) {
    driver.get(base + "/camunda/app/tasklist/" + engineName + "/");
    driver.manage().deleteAllCookies();
    driver.navigate().refresh();
    By loginForm = By.cssSelector("input[type=text]");
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
          .until(ExpectedConditions.visibilityOfElementLocated(loginForm));
    } catch (TimeoutException blankPage) {
      // Seen once in four fresh runs on 2 loaded cores: Tasklist's first page stayed blank, its login form never
      // rendered. A person would reload; the browser's own log is printed so the cause can be read in CI's output.
      System.out.println("[tasklist] no login form after 20 s, reloading; the browser said: " + browserLog());
      driver.navigate().refresh();
      until(ExpectedConditions.visibilityOfElementLocated(loginForm));
    }
    // Tasklist sends its login with the new session's CSRF token, read from the XSRF-TOKEN cookie: wait for the
    // cookie, or a login typed before it arrives is refused ("Token provided via HTTP Header is absent")
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
          .until(driver -> driver.manage().getCookieNamed("XSRF-TOKEN") != null);
    } catch (TimeoutException noToken) {
      // Seen once (a fresh run on 2 cores at load 10): the login form showed, the cookie never came. A person
      // would reload; what the browser held and logged is printed so the cause can be read in CI's output.
      // Camunda's CsrfPreventionFilter sends the cookie once per session, with the response that first puts the
      // token in the session; when the browser drops that response (seen under load, twice in one run at load 10),
      // the session keeps a token the browser never got and no later response sends it again, reload or not. A
      // person's failed login ends the session (the filter invalidates it) and their next try works; here the
      // session cookie is dropped instead, so the reload starts a session whose first response sends the token.
      System.out.println("[tasklist] no XSRF-TOKEN cookie after 20 s, starting a new session; cookies "
          + driver.manage().getCookies().stream().map(Cookie::getName).toList() + "; the browser said: " + browserLog());
      driver.manage().deleteAllCookies();
      driver.navigate().refresh();
      until(ExpectedConditions.visibilityOfElementLocated(loginForm));
      until(driver -> driver.manage().getCookieNamed("XSRF-TOKEN") != null);
    }
    // The login page focuses the name field once it has rendered, which can pull keystrokes meant for
    // the password into the name: type until both fields hold what was meant.
    until(driver -> {
      WebElement name = driver.findElement(By.cssSelector("input[type=text]"));
      WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
      if (!user.equals(name.getDomProperty("value"))) {
        name.clear();
        name.sendKeys(user);
      }
      if (!PASSWORD.equals(password.getDomProperty("value"))) {
        password.clear();
        password.sendKeys(PASSWORD);
      }
      return user.equals(name.getDomProperty("value")) && PASSWORD.equals(password.getDomProperty("value"));
    });
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(normalize-space(.), 'Start process')]")));
    until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter")));
  }

  // --- starting a process ----------------------------------------------------------------------

  /** Start process → the process by name; returns the modal dialog holding the start form. */
  WebElement openStartForm(String processName) {
    click(until(ExpectedConditions.elementToBeClickable(
        By.xpath("//a[contains(normalize-space(.), 'Start process')]"))));
    click(until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + processName + "']"))));
    WebElement modal = until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    until(driver -> modal.findElement(By.cssSelector(".fjs-form")));
    return modal;
  }

  void start(WebElement modal) {
    clickStart(modal);
    until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /** Clicks the start dialog's Start; the caller waits for what follows (the case, or a refusal). */
  void clickStart(WebElement modal) {
    click(modal.findElement(By.xpath(".//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']")));
  }

  /** Waits until the page shows the text somewhere (a notification, a field's error) and returns the page's text. */
  String untilShown(String text) {
    return until(driver -> {
      String page = driver.findElement(By.tagName("body")).getText();
      return page.contains(text) ? page : null;
    });
  }

  // --- tasks -----------------------------------------------------------------------------------

  void openFilter(String filterName) {
    click(until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[@cam-tasklist-filters]//*[contains(@class,'task-filter')]//a[starts-with(normalize-space(.), \"" + filterName + "\")]"))));
  }

  /** Opens the task from the filter's list, as a person would; returns the task pane. */
  WebElement openTask(String filterName, String taskName) {
    openFilter(filterName);
    By task = By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)=\"" + taskName + "\"]");
    // the list may render again (its filter's count refreshed) between finding the task and clicking it
    until(driver -> {
      try {
        click(until(ExpectedConditions.elementToBeClickable(task)));
        return true;
      } catch (StaleElementReferenceException renderedAgain) {
        return null;
      }
    });
    return until(driver -> {
      WebElement pane = driver.findElement(By.cssSelector("[cam-tasklist-task]"));
      WebElement title = pane.findElement(By.cssSelector("h2.task"));
      return title.getText().trim().equals(taskName) ? pane : null;
    });
  }

  /** Claims the open task ("Claim") when nobody has it yet, and waits until the form can be edited. */
  void claim(WebElement pane) {
    List<WebElement> claim = pane.findElements(By.xpath(".//button[normalize-space(.)='Claim']"));
    if (!claim.isEmpty()) {
      click(claim.get(0));
      until(ExpectedConditions.invisibilityOf(claim.get(0)));
    }
    until(driver -> pane.findElement(By.cssSelector(".fjs-form")));
  }

  /** Clicks Complete; the caller then waits for the engine (or for an error on the page). */
  void clickComplete(WebElement pane) {
    closeNotifications();
    WebElement complete = until(driver -> pane.findElement(
        By.xpath(".//div[contains(@class,'form-actions')]//button[normalize-space(.)='Complete']")));
    // Leaving a field re-renders the form (validation, textarea size): if that happens between mouse-down
    // and mouse-up, the button moves away and the click is lost. Leave the field first, as a person
    // reaching for the mouse does, and click once the button has stopped moving.
    ((JavascriptExecutor) driver).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
    scrollIntoView(complete);
    Point[] last = {null};
    until(driver -> {
      Point now = complete.getLocation();
      boolean settled = now.equals(last[0]) && complete.isEnabled();
      last[0] = now;
      return settled;
    });
    click(complete);
  }

  /** The red "An error happened…" notification lies over the Complete button: close every visible one. */
  void closeNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications button.close"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (StaleElementReferenceException gone) {
        // it closed itself
      }
    }
  }

  List<String> errorsOn(WebElement pane) {
    return pane.findElements(By.cssSelector(".fjs-form-field-error li")).stream().map(WebElement::getText).toList();
  }

  /** The text of the red notifications on the page, empty when there are none. */
  String notifications() {
    return driver.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
        .map(WebElement::getText).filter(text -> !text.isBlank()).reduce("", (a, b) -> a + " | " + b);
  }

  // --- Camunda Forms fields, found by their labels ---------------------------------------------

  WebElement field(SearchContext form, String label) {
    try {
      return until(driver -> (WebElement) ((JavascriptExecutor) driver).executeScript(FIELD_BY_LABEL, form, label));
    } catch (TimeoutException notThere) {
      throw new NoSuchElementException("no form field labelled \"" + label + "\"", notThere);
    }
  }

  Tasklist type(SearchContext form, String label, String text) {
    WebElement input = field(form, label).findElement(By.cssSelector("input, textarea"));
    scrollIntoView(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    return this;
  }

  /** Adds text at the end of what a text field already holds. */
  Tasklist append(SearchContext form, String label, String text) {
    WebElement input = field(form, label).findElement(By.cssSelector("input, textarea"));
    scrollIntoView(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), text);
    return this;
  }

  String value(SearchContext form, String label) {
    WebElement input = field(form, label).findElement(By.cssSelector("input, textarea"));
    return input.getDomProperty("value");
  }

  /** A radio button or a checklist box, by the option's label. */
  Tasklist choose(SearchContext form, String label, String option) {
    WebElement field = field(form, label);
    WebElement choice = field.findElements(By.cssSelector("label")).stream()
        .filter(candidate -> candidate.getText().replaceAll("\\s+", " ").trim().equals(option))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no option \"" + option + "\" in \"" + label + "\""))
        .findElement(By.cssSelector("input"));
    scrollIntoView(choice);
    if (!choice.isSelected()) {
      click(choice);
    }
    return this;
  }

  /** A single checkbox, by its own label; ticks or unticks it. */
  Tasklist tick(SearchContext form, String label, boolean ticked) {
    WebElement box = field(form, label).findElement(By.cssSelector("input[type=checkbox]"));
    scrollIntoView(box);
    if (box.isSelected() != ticked) {
      click(box);
    }
    return this;
  }

  /** A form-js select: open its list and pick the option. */
  Tasklist select(SearchContext form, String label, String option) {
    WebElement field = field(form, label);
    WebElement display = field.findElement(By.cssSelector(".fjs-select-display, input"));
    scrollIntoView(display);
    click(display);
    click(until(driver -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().trim().equals(option)).findFirst().orElse(null)));
    return this;
  }

  /** A date field of our forms, typed day first as its label asks: 14/05/2026. */
  Tasklist date(SearchContext form, String label, LocalDate date) {
    return type(form, label, date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
  }

  // --- plumbing --------------------------------------------------------------------------------

  void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Clicks, closing a notification or scrolling first when something lies over the element. */
  void click(WebElement element) {
    scrollIntoView(element);
    try {
      element.click();
    } catch (ElementClickInterceptedException covered) {
      closeNotifications();
      scrollIntoView(element);
      until(ExpectedConditions.elementToBeClickable(element)).click();
    }
  }
}
