package org.foiflow.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * One requester's earlier request, answered in part under s.31 with its response letter three days ago, and the
 * same request reworded today: the requester's history and the similar requests each show the earlier one.
 */
public record RequesterAsksAgain(FoiCase earlier, FoiCase now) {

  public static RequesterAsksAgain logged(ProcessEngine engine) {
    String who = "Pat Context " + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
    String text = "Please send the contract for CCTV monitoring at the Brambley depot signed with its supplier "
        + UUID.randomUUID() + ".";
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FoiCase earlier = logged(engine, who, today.minusDays(3), text).validAndHeld().located().assessed("PART", "s31")
        .harmShown("WOULD").publicInterestBalanced("WITHHOLD").approved();
    return new RequesterAsksAgain(earlier, logged(engine, who, today, text.replace("Please send", "Could you send me")));
  }

  /** A request logged by an officer. */
  public static FoiCase logged(ProcessEngine engine, String who, LocalDate receivedOn, String text) {
    VariableMap request = FoiCase.aRequest(who, receivedOn);
    request.putValue("requestText", text);
    AtomicReference<FoiCase> logged = new AtomicReference<>();
    FoiCase.actingAs(engine, FoiCase.OFFICER, () -> logged.set(FoiCase.logged(engine, request)));
    return logged.get();
  }
}
