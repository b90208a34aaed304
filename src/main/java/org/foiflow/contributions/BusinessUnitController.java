package org.foiflow.contributions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.casefile.InvalidRequestException;
import org.foiflow.documents.DocumentRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business units: GET /api/business-units for staff; POST (a new unit) and PUT /api/business-units/{group}
 * (its name, manager, deadline) for administrators (camunda-admin) only, 403 otherwise. Bad values answer 400
 * naming each field, a unit that exists already 409.
 */
@RestController
public class BusinessUnitController {

  /** What a unit looks like on the API. */
  public record UnitJson(String group, String name, String manager, Integer deadlineWorkingDays) {

    static UnitJson of(BusinessUnit unit) {
      return new UnitJson(unit.groupId(), unit.name(), unit.managerUserId(), unit.deadlineWorkingDays());
    }

    BusinessUnit unit(String groupId) {
      return new BusinessUnit(groupId, name, manager == null || manager.isBlank() ? null : manager.strip(),
          deadlineWorkingDays == null ? BusinessUnit.DEFAULT_DEADLINE_WORKING_DAYS : deadlineWorkingDays);
    }
  }

  public record Units(List<UnitJson> items) {
  }

  private final BusinessUnits units;

  public BusinessUnitController(BusinessUnits units) {
    this.units = units;
  }

  @GetMapping("/api/business-units")
  public Units list() {
    return new Units(units.all().stream().map(UnitJson::of).toList());
  }

  @PostMapping("/api/business-units")
  @ResponseStatus(HttpStatus.CREATED)
  public UnitJson create(@RequestBody UnitJson given) {
    administrator();
    return UnitJson.of(units.create(given.unit(given.group())));
  }

  @PutMapping("/api/business-units/{group}")
  public UnitJson update(@PathVariable String group, @RequestBody UnitJson given) {
    administrator();
    if (given.group() != null && !given.group().equals(group)) {
      throw new InvalidRequestException(Map.of("group", "a unit's group cannot change: create a new unit instead"));
    }
    return UnitJson.of(units.update(given.unit(group)).orElseThrow(() -> new DocumentRefusedException(404,
        "business-unit-not-found", "group", "there is no business unit " + group)));
  }

  private static void administrator() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null || signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .noneMatch(Groups.CAMUNDA_ADMIN::equals)) {
      throw new DocumentRefusedException(403, "not-an-administrator", "user",
          "business units are created and changed by administrators");
    }
  }
}
