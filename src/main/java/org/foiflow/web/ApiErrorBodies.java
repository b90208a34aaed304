package org.foiflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.foiflow.casefile.ProblemMembers;
import org.foiflow.security.EngineApiProblems.ErrorsKept;
import org.foiflow.security.EngineApiProblems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The errors of foiflow's API that no controller answers: a refused login (401 from the authentication filter),
 * an address or method nothing maps (404, 405 from Spring's own resolvers, sent with sendError). They get the
 * one shape of {@link ApiProblems} instead of an empty body or Spring Boot's error page. An answer that already
 * is problem+json (every answer of {@link ApiProblems}) passes untouched.
 */
@Configuration
public class ApiErrorBodies {

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> apiProblemBodies(ObjectMapper json) {
    ApiProblemBody body = new ApiProblemBody(json);
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new EngineApiProblems.ProblemBodies((answer, request) -> body.of(answer)));
    registration.setName("foiflow-api-problems");
    registration.addUrlPatterns("/api/*");
    // outside authentication, so a refused login answers in the same shape
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setAsyncSupported(true);
    return registration;
  }

  static final class ApiProblemBody {
    private final ObjectMapper json;

    ApiProblemBody(ObjectMapper json) {
      this.json = json;
    }

    /** Null for an answer that already is problem+json (every answer of {@link ApiProblems}). */
    byte[] of(ErrorsKept answer) throws IOException {
      String type = answer.getContentType();
      if (type != null && type.startsWith(ProblemMembers.MEDIA_TYPE) && answer.getContentSize() > 0) {
        return null;
      }
      return json.writeValueAsBytes(problem(answer.getStatus(), answer.getContentAsByteArray(), answer.reason()));
    }

    private ProblemDetail problem(int status, byte[] original, String reason) {
      JsonNode body = parse(original);
      if (body.has(ProblemMembers.TITLE) && body.has(ProblemMembers.STATUS) && body.has(ProblemMembers.MESSAGE)) {
        // already one of ours, written as application/json because the caller asked for that
        return json.convertValue(body, ProblemDetail.class);
      }
      String said = body.path(ProblemMembers.DETAIL).asText(body.path(ProblemMembers.MESSAGE).asText(reason));
      ProblemDetail problem = ApiProblems.problem(HttpStatusCode.valueOf(status), EngineApiProblems.plain(status, said));
      if (body.path(ProblemMembers.ERRORS).isObject()) {
        problem.setProperty(ProblemMembers.ERRORS, body.get(ProblemMembers.ERRORS));
      }
      return problem;
    }

    private JsonNode parse(byte[] body) {
      try {
        return body.length == 0 ? json.createObjectNode() : json.readTree(new String(body, StandardCharsets.UTF_8));
      } catch (IOException notJson) {
        return json.createObjectNode();
      }
    }
  }
}
