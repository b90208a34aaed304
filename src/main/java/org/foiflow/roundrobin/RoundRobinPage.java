package org.foiflow.roundrobin;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.foiflow.casefile.CaseConflictException;
import org.foiflow.casefile.NamedProblems;
import org.foiflow.security.FoiGroups;
import org.foiflow.security.FoiTeam;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The round robins (GET /round-robins, open ones first) and a round robin's page, GET /round-robins/{id}: the set's requests (each linked to its case page), its officer with
 * a form to choose one, and a "use as the starting point" button for each decided request (CSRF-protected forms,
 * the API's rules; a refusal shows the page again with the problem beside its field).
 */
@Controller
public class RoundRobinPage {

  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** One row of the members table, as shown. */
  public record Row(String reference, String received, String requesterName, String stage, String assignee,
                    String outcome, boolean decided) {
  }

  private final RoundRobins roundRobins;
  private final RoundRobinOfficer officer;
  private final StartingPoint startingPoint;

  public RoundRobinPage(RoundRobins roundRobins, RoundRobinOfficer officer, StartingPoint startingPoint) {
    this.roundRobins = roundRobins;
    this.officer = officer;
    this.startingPoint = startingPoint;
  }

  /** Every round robin, open ones first: the sets an officer or manager may need to give to someone. */
  @GetMapping(value = "/round-robins", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView list(Authentication signedIn) {
    if (!hasAny(signedIn, readers())) {
      return notShown(HttpStatus.FORBIDDEN, "You cannot see round robins",
          "Round robins are for the FOI team: officers, approvers and managers.");
    }
    return new ModelAndView("round-robins").addObject("sets", roundRobins.all())
        .addObject("officers", officer.officers());
  }

  @GetMapping(value = "/round-robins/{id}", produces = MediaType.TEXT_HTML_VALUE)
  public ModelAndView show(@PathVariable String id, @RequestParam(required = false) String done,
                           Authentication signedIn) {
    if (!hasAny(signedIn, readers())) {
      return notShown(HttpStatus.FORBIDDEN, "You cannot see round robins",
          "Round robins are for the FOI team: officers, approvers and managers.");
    }
    return page(id, signedIn, Map.of(), null, done);
  }

  @PostMapping("/round-robins/{id}/officer")
  public ModelAndView chooseOfficer(@PathVariable String id, @RequestParam(required = false) String officer,
                                    @RequestParam(required = false) Integer version, Authentication signedIn) {
    return change(id, signedIn, officer, () -> this.officer.assign(set(id), officer, version), "officer");
  }

  @PostMapping("/round-robins/{id}/starting-point")
  public ModelAndView startFrom(@PathVariable String id, @RequestParam(required = false) String from,
                                Authentication signedIn) {
    return change(id, signedIn, null, () -> startingPoint.apply(set(id), from), "starting-point");
  }

  private ModelAndView change(String id, Authentication signedIn, String typedOfficer, Runnable work, String done) {
    if (!hasAny(signedIn, List.of(FoiGroups.OFFICERS, FoiGroups.MANAGERS))) {
      return notShown(HttpStatus.FORBIDDEN, "You cannot change this round robin",
          "Only FOI officers and managers choose a round robin's officer or its starting point.");
    }
    if (roundRobins.byId(id).isEmpty()) {
      return noSuchSet(id);
    }
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      work.run();
      return new ModelAndView("redirect:/round-robins/" + id + "?done=" + done);
    } catch (CaseConflictException conflict) {
      problems.put("officer", conflict.getMessage());
    } catch (RuntimeException refused) {
      if (!(refused instanceof NamedProblems named)) {
        throw refused;
      }
      problems.putAll(named.problems());
    }
    ModelAndView again = page(id, signedIn, problems, typedOfficer, null);
    again.setStatus(HttpStatus.BAD_REQUEST);
    return again;
  }

  private ModelAndView page(String id, Authentication signedIn, Map<String, String> problems, String typedOfficer,
                            String done) {
    return roundRobins.byId(id).map(set -> new ModelAndView("round-robin")
            .addObject("set", set)
            .addObject("rows", set.members().stream().map(member -> new Row(member.reference(),
                UK_DATE.format(member.receivedOn()), member.requesterName(), member.open() ? member.stage() : "Closed",
                member.assignee(), inWords(member.outcome()), startingPoint.decided(member))).toList())
            .addObject("officers", officer.officers())
            .addObject("chosenOfficer", typedOfficer != null ? typedOfficer : set.officer())
            .addObject("mayChange", hasAny(signedIn, List.of(FoiGroups.OFFICERS, FoiGroups.MANAGERS)))
            .addObject("problems", problems)
            .addObject("done", done))
        .orElseGet(() -> noSuchSet(id));
  }

  /** GRANTED_IN_FULL as "Granted in full". */
  private static String inWords(String outcome) {
    if (outcome == null) {
      return null;
    }
    String words = outcome.replace('_', ' ').toLowerCase(Locale.UK);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private RoundRobins.RoundRobin set(String id) {
    return roundRobins.byId(id).orElseThrow();
  }

  private static List<String> readers() {
    List<String> readers = new java.util.ArrayList<>(FoiTeam.GROUPS);
    readers.add(Groups.CAMUNDA_ADMIN);
    return readers;
  }

  private static boolean hasAny(Authentication signedIn, List<String> groups) {
    return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(groups::contains);
  }

  private static ModelAndView noSuchSet(String id) {
    return notShown(HttpStatus.NOT_FOUND, "No such round robin",
        "There is no round robin " + id + ". Open it from a case page's linked cases.");
  }

  private static ModelAndView notShown(HttpStatus status, String title, String explanation) {
    ModelAndView view = new ModelAndView("case-not-shown");
    view.setStatus(status);
    view.addObject("title", title);
    view.addObject("explanation", explanation);
    return view;
  }
}
