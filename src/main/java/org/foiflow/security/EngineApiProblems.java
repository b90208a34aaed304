package org.foiflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.foiflow.casefile.FormLabels;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.casefile.ProblemMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every error of the engine's APIs (/engine-rest and the webapps' /camunda/api) answers as RFC 9457
 * problem+json in plain English: {@code type}, {@code title}, {@code status}, {@code detail}, the fields in
 * {@code errors} when a form's values were refused, and the same text under {@code message}, which Camunda's
 * webapps show. The engine's own bodies name exception classes ({@code "type":"NullPointerException"}) and can
 * carry SQL or engine codes; none of that reaches a caller: a server error says only that nothing was saved, and
 * the original is logged.
 */
@Configuration
public class EngineApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiProblems.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Text that is the engine's inside story, not a message for a person. */
  private static final Pattern INSIDE_STORY = Pattern.compile(
      "(?i)###|\\bsql|\\bselect\\s|\\binsert\\s+into|\\bupdate\\s+\\w+\\s+set|\\bdelete\\s+from|\\bjdbc|"
          + "\\b(org|java|javax|jakarta|com|net)\\.[a-z]+\\.|\\w+Exception\\b|\\bat \\w+\\.|\\$\\{|\\bnull\\b");

  /**
   * What the engine's APIs wrap a refusal in: "Cannot instantiate process definition foi-request:1:…: ", "Cannot
   * submit task form …: ", "There was an exception while invoking the TaskListener. Message: '…'".
   */
  private static final Pattern ENGINE_WRAPPING = Pattern.compile("(?s)^(?:Cannot (?:instantiate process definition"
      + "|submit task form|complete task|start process instance) \\S+?: )?(?:There was an exception while invoking the"
      + " \\w+\\. Message: '(.*)'|(.*))$");

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> engineApiProblemBodies(FormLabels labels) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ProblemBodies(
        (answer, request) -> problem(answer,
            answer.getContentSize() > 0 ? answer.getContentAsByteArray() : answer.reasonAsBody(), request, labels)));
    registration.setName("foiflow-engine-api-problems");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    // outside authentication, so a refused login answers in the same shape
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setAsyncSupported(true);
    return registration;
  }

  /**
   * Holds back a response and, when it ends in an error, answers with the problem body its {@link Rewrite} makes
   * of it. A failure that escapes everything inside is logged and answered as a 500. Serves the engine APIs here
   * and foiflow's own API ({@code web.ApiErrorBodies}).
   */
  public static final class ProblemBodies extends OncePerRequestFilter {

    /** The problem+json body for an error answer, or null to send the answer as it is. */
    public interface Rewrite {
      byte[] body(ErrorsKept answer, HttpServletRequest request) throws IOException;
    }

    private final Rewrite rewrite;

    public ProblemBodies(Rewrite rewrite) {
      this.rewrite = rewrite;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ErrorsKept buffered = new ErrorsKept(response);
      try {
        chain.doFilter(request, buffered);
      } catch (ServletException | IOException | RuntimeException | Error failed) {
        // what escapes the mappers and advices: logged here, answered below as a plain 500
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), failed);
        buffered.resetBuffer();
        buffered.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      } finally {
        int status = buffered.getStatus();
        byte[] problem = status >= 400 && !response.isCommitted() ? rewrite.body(buffered, request) : null;
        if (problem != null) {
          buffered.resetBuffer();
          // the rewrite may correct the status, e.g. a rule's refusal the webapps' engine API answered as 500
          response.setStatus(buffered.getStatus());
          response.setContentType(ProblemMembers.MEDIA_TYPE);
          response.setCharacterEncoding("UTF-8");
          response.setContentLength(problem.length);
          response.getOutputStream().write(problem);
          response.flushBuffer();
        } else {
          buffered.copyBodyToResponse();
        }
      }
    }
  }

  /**
   * Keeps an error sent with sendError (e.g. a refused CSRF token) here, instead of the servlet error page, so a
   * filter can answer it as a problem. Used by both the engine APIs' filter and foiflow's own API's.
   */
  public static final class ErrorsKept extends ContentCachingResponseWrapper {
    private String reason;

    public ErrorsKept(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
      reason = message;
    }

    /** The message given to sendError, or null. */
    public String reason() {
      return reason;
    }

    byte[] reasonAsBody() {
      return reason == null ? new byte[0]
          : JSON.createObjectNode().put("message", reason).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * The problem body for an engine API's error answer. A refusal by one of foiflow's rules ({@link RuleRefusals})
   * is the caller's to correct whatever the API made of it: 400 naming each field by its form label, or 403 in the
   * rule's words.
   */
  static byte[] problem(ErrorsKept answer, byte[] original, HttpServletRequest request, FormLabels labels)
      throws IOException {
    int status = answer.getStatus();
    JsonNode body = parse(original);
    String message = body.path("detail").asText(body.path("message").asText(""));
    Object refusal = request.getAttribute(RuleRefusals.ATTRIBUTE);
    if (refusal instanceof NamedProblems named && !named.problems().isEmpty() && (status == 400 || status >= 500)) {
      status = 400;
      ObjectNode errors = JSON.createObjectNode();
      named.problems().forEach(errors::put);
      body = JSON.createObjectNode().set(ProblemMembers.ERRORS, errors);
      message = labels.sentence(named.problems());
    } else if (refusal instanceof AuthorizationException rule && status >= 500) {
      status = 403;
      message = rule.getMessage();
    } else if (status >= 500) {
      LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status,
          new String(original, java.nio.charset.StandardCharsets.UTF_8));
    }
    answer.setStatus(status);
    String detail = plain(status, message);
    ObjectNode problem = JSON.createObjectNode();
    problem.put(ProblemMembers.TYPE, "about:blank");
    HttpStatus known = HttpStatus.resolve(status);
    problem.put(ProblemMembers.TITLE, known != null ? known.getReasonPhrase() : "Error");
    problem.put(ProblemMembers.STATUS, status);
    problem.put(ProblemMembers.DETAIL, detail);
    if (body.path(ProblemMembers.ERRORS).isObject()) {
      problem.set(ProblemMembers.ERRORS, body.get(ProblemMembers.ERRORS));
    }
    problem.put(ProblemMembers.MESSAGE, detail);
    return JSON.writeValueAsBytes(problem);
  }

  /**
   * The message for a person: the words given when they are plain, else what the status means. foiflow's own API
   * ({@code org.foiflow.web}) words its answers with this too.
   */
  public static String plain(int status, String message) {
    String text = message == null ? "" : ENGINE_WRAPPING.matcher(message.replaceAll("ENGINE-\\d+\\s*", "").strip())
        .replaceFirst("$1$2").strip();
    if (status >= 500 || text.isEmpty() || INSIDE_STORY.matcher(text).find()) {
      return switch (status) {
        case 400 -> "The request could not be carried out as sent: check its values.";
        case 401 -> "Sign in first.";
        case 403 -> "You may not do this.";
        case 404 -> "Not found: it does not exist, or you may not see it.";
        case 405 -> "This address does not accept that method.";
        case 409 -> EngineRestProblems.CONFLICT;
        case 415 -> "Send the request body as JSON.";
        default -> status >= 500
            ? "Something went wrong on our side and nothing was saved. Try again; if it happens again, tell the"
                + " administrator the time it happened."
            : "The request could not be carried out.";
      };
    }
    return text;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }
}
