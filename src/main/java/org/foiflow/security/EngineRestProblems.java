package org.foiflow.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.foiflow.casefile.NamedProblems;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * On the engine's REST API, a task completion refused by a form's contract, or a start form whose request
 * cannot be logged, is the caller's mistake: 400 with the fields named, not the 500 the engine's default
 * mapping gives an exception raised inside a listener or delegate. A change that lost a race with another
 * node or user (optimistic locking) is 409 Conflict.
 */
@Component
public class EngineRestProblems implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(CaseDataProblemMapper.class);
  }

  @Priority(1)
  public static class CaseDataProblemMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof NamedProblems invalid) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", cause.getClass().getSimpleName().replace("Exception", ""));
          body.put("message", cause.getMessage());
          body.put("errors", invalid.problems());
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        if (cause instanceof OptimisticLockingException) {
          // e.g. the same task completed at the same moment on two nodes: one wins, the other changed nothing
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", "Conflict");
          body.put("title", "Changed at the same time");
          body.put("status", 409);
          body.put("message", "The case was changed by someone else at the same moment; nothing of this request"
              + " was saved. Reload and try again.");
          return Response.status(Response.Status.CONFLICT).type("application/problem+json").entity(body).build();
        }
        if (cause instanceof NullValueException gone && String.valueOf(gone.getMessage()).startsWith("Cannot find task")) {
          // e.g. a task completed twice: the second caller gets "not found", not a server error
          return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "TaskNotFound", "message", exception.getMessage())).build();
        }
      }
      return camundaDefault.toResponse(exception);
    }
  }
}
