package org.foiflow.drafting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;

/**
 * Fixed case data for the drafting tests, shaped as the process variables arrive from the engine: Java maps
 * and lists from beans, Spin JSON from forms, JSON strings through the REST API, numbers of several types.
 */
final class LetterCases {

  /** Every letter in the tests is dated 20 November 2026. */
  static final LocalDate LETTER_DATE = LocalDate.of(2026, 11, 20);

  private LetterCases() {
  }

  static AuthorityProfile authority() {
    return new AuthorityProfile("Example Borough Council",
        List.of("Town Hall", "1 High Street", "Exampleton", "EX1 1AA"),
        "foi@example.gov.uk", "01234 567890", "www.example.gov.uk",
        "Jordan Ellis", "Information Governance Manager", "Information Governance Team");
  }

  static LetterDrafter drafter() {
    return new LetterDrafter(authority(), new LetterSettings("file:letters/", java.time.Duration.ZERO),
        Clock.fixed(LETTER_DATE.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London")));
  }

  /** The basics of a FOIA case. */
  static Map<String, Object> base() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("reference", "FOI-2026-00042");
    v.put("requesterName", "Sam Citizen");
    v.put("requesterEmail", "sam.citizen@example.org");
    v.put("requesterAddress", "12 Acacia Avenue\nExampleton\nEX2 4BB");
    v.put("receivedOn", "2026-10-28");
    v.put("dueOn", "2026-11-25");
    v.put("channel", "EMAIL");
    v.put("regime", "FOIA");
    v.put("hourlyRatePounds", 25L);
    v.put("costLimitPounds", 450L);
    return v;
  }

  static Map<String, Object> exemption(String code, String section, String title, boolean absolute,
                                       boolean prejudiceBased, boolean ncndAvailable) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", code);
    e.put("section", section);
    e.put("title", title);
    e.put("regime", code.startsWith("eir-") ? "EIR" : "FOIA");
    e.put("absolute", absolute);
    e.put("prejudiceBased", prejudiceBased);
    e.put("ncndAvailable", ncndAvailable);
    return e;
  }

  static Map<String, Object> harm(String harm, String causalLink, String likelihood) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("harm", harm);
    h.put("causalLink", causalLink);
    h.put("likelihood", likelihood);
    h.put("harmConclusion", "SHOWN");
    h.put("harmShown", true);
    return h;
  }

  static Map<String, Object> publicInterest(String factorsFor, String factorsAgainst, String conclusion) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("factorsFor", factorsFor);
    p.put("factorsAgainst", factorsAgainst);
    p.put("balance", "WITHHOLD");
    p.put("conclusion", conclusion);
    return p;
  }

  /** A s.31 refusal: the town-centre CCTV operating procedures, withheld in full. Java maps and lists. */
  static Map<String, Object> section31Refusal() {
    Map<String, Object> v = base();
    v.put("subject", "Town centre CCTV operating procedures");
    v.put("requestText", "Please send me a copy of the operating procedures for the council's town centre CCTV "
        + "control room, including the instructions staff follow when police ask them to track a suspect.");
    v.put("disclosureScope", "WITHHOLD");
    v.put("withheldDescription", "The CCTV control room operating procedures (version 6, March 2026), in full");
    v.put("exemptions", new ArrayList<>(List.of("s31")));
    v.put("engagedExemptions", new ArrayList<>(List.of(
        exemption("s31", "Section 31", "Law enforcement", false, true, true))));
    Map<String, Object> harmTests = new LinkedHashMap<>();
    harmTests.put("s31", harm(
        "The procedures show which cameras are monitored live at which times, how operators hand over between "
            + "shifts, and the steps they take when police ask them to follow a suspect.",
        "Someone planning an offence in the town centre could use that detail to choose times and routes that "
            + "are not watched, or to slip out of view during a handover. That would weaken the prevention and "
            + "detection of crime and the apprehension of offenders (section 31(1)(a) and (b)).",
        "WOULD_BE_LIKELY"));
    v.put("harmTests", harmTests);
    Map<String, Object> piTests = new LinkedHashMap<>();
    piTests.put("s31", publicInterest(
        "Transparency about how public space surveillance is run and supervised.\n"
            + "Reassurance that the council's use of CCTV is proportionate and respects privacy.\n"
            + "Accountability for the public money spent on the control room.",
        "Keeping the control room effective in preventing and detecting crime in the town centre.\n"
            + "Avoiding any help to people who want to avoid being seen or identified.\n"
            + "The council already publishes its CCTV policy, code of practice and annual review, which meet much of "
            + "the interest in transparency.",
        "The published policy and annual review already explain how the system is governed and how privacy is "
            + "protected. The operating procedures add practical detail whose main value would be to someone trying "
            + "to avoid the cameras."));
    v.put("publicInterestTests", piTests);
    return v;
  }

  /**
   * A s.43(2) refusal after consulting the contractor, who objected: the leisure contract's pricing schedule. The
   * consultation is filed as fileConsultation files it (consultee, interest, view); the letter names none of them.
   */
  static Map<String, Object> section43RefusalAfterConsultation() {
    Map<String, Object> v = base();
    v.put("subject", "Leisure centre contract pricing");
    v.put("requestText", "Please send me the pricing schedule of the contract for running the council's leisure "
        + "centres.");
    v.put("disclosureScope", "WITHHOLD");
    v.put("withheldDescription", "Schedule 4 (pricing) of the leisure centres management contract, in full");
    v.put("exemptions", new ArrayList<>(List.of("s43-2")));
    v.put("engagedExemptions", new ArrayList<>(List.of(
        exemption("s43-2", "Section 43(2)", "Commercial interests", false, true, true))));
    Map<String, Object> harmTests = new LinkedHashMap<>();
    harmTests.put("s43-2", harm(
        "The schedule sets out the contractor's unit prices for each service, which the contract renewal next year "
            + "will be tendered against.",
        "Competitors bidding for the renewal could undercut the contractor line by line, and the council could "
            + "obtain less competitive bids.",
        "WOULD_BE_LIKELY"));
    v.put("harmTests", harmTests);
    Map<String, Object> piTests = new LinkedHashMap<>();
    piTests.put("s43-2", publicInterest(
        "Accountability for public money spent on the contract.",
        "A fair and competitive tender for the renewal, which protects public money too.",
        "The council publishes the contract's total value and performance reports; the unit prices add little to "
            + "that and would harm the coming tender."));
    v.put("publicInterestTests", piTests);
    Map<String, Object> consultation = new LinkedHashMap<>();
    consultation.put("consulteeName", "Acme Leisure Ltd");
    consultation.put("consulteeEmail", "contracts@acme-leisure.example");
    consultation.put("interest", "S43");
    consultation.put("details", "The pricing schedule (schedule 4) of the leisure centres management contract.");
    consultation.put("askedOn", "2026-11-02");
    consultation.put("replyDueOn", "2026-11-16");
    consultation.put("view", "OBJECTS");
    consultation.put("viewSummary", "Release would show our unit prices to competitors.");
    consultation.put("viewReceivedOn", "2026-11-10");
    consultation.put("letterId", "letter2");
    v.put("consultations", new ArrayList<>(List.of(consultation)));
    return v;
  }

  /** The consultation letter's subject: the third party, their interest, what they are asked, by when. */
  static Map<String, Object> consultationAbout() {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("name", "Acme Leisure Ltd");
    about.put("email", "contracts@acme-leisure.example");
    about.put("interest", "S43");
    about.put("toThem", "your commercial interests");
    about.put("details", List.of("The pricing schedule (schedule 4) of the leisure centres management contract."));
    about.put("replyDueOn", "14 May 2026");
    return about;
  }

  /** Part disclosure with three exemptions: s.40(2) (absolute), s.43(2) (prejudice, qualified), s.36 with the QP. */
  static Map<String, Object> partialDisclosure() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00077");
    v.put("requesterName", "Priya Shah");
    v.put("requesterEmail", "priya.shah@example.net");
    v.put("requesterAddress", null);
    v.put("receivedOn", "2026-10-20");
    v.put("dueOn", "2026-11-17");
    v.put("subject", "Leisure centre management contract");
    v.put("requestText", "1. The contract with the company that runs the leisure centres.\n"
        + "2. The names of the officers on the evaluation panel.\n"
        + "3. The briefing notes given to councillors before the award.");
    v.put("disclosureScope", "PART");
    // As the Locate form records it ("What is held"): everything found, the withheld parts included.
    v.put("informationSummary", "The leisure management contract, with its schedules, including the pricing "
        + "schedule.\nThe evaluation panel's membership list and scoring sheets.\nThe briefing notes given to "
        + "councillors before the award.");
    v.put("withheldDescription", "The names and contact details of junior officers on the evaluation panel, "
        + "the contractor's pricing schedule, and two paragraphs of the briefing notes setting out officers' "
        + "options for renegotiation.");
    // As submitted through the REST API: the exemption facts as a JSON string, the tests as Spin JSON.
    v.put("engagedExemptions", "[{\"code\":\"s40-2\",\"section\":\"Section 40(2)\",\"title\":\"Personal data of third "
        + "parties\",\"absolute\":true,\"prejudiceBased\":false,\"ncndAvailable\":true},"
        + "{\"code\":\"s43-2\",\"section\":\"Section 43(2)\",\"title\":\"Prejudice to commercial interests\","
        + "\"absolute\":false,\"prejudiceBased\":true,\"ncndAvailable\":true},"
        + "{\"code\":\"s36\",\"section\":\"Section 36\",\"title\":\"Prejudice to effective conduct of public affairs\","
        + "\"absolute\":false,\"prejudiceBased\":true,\"ncndAvailable\":true}]");
    v.put("harmTests", Spin.JSON("{\"s43-2\":{\"harm\":\"The pricing schedule sets out the contractor's unit "
        + "rates for each service.\",\"causalLink\":\"Competitors bidding against the contractor in other "
        + "authorities' tenders could undercut those rates, and the council's own negotiating position at the "
        + "contract review in 2027 would be weakened.\",\"likelihood\":\"WOULD\",\"harmShown\":true},"
        + "\"s36\":{\"harm\":\"Officers would be less willing to set out candid options for councillors.\","
        + "\"causalLink\":\"The options were put forward in confidence while the contract review is still to "
        + "come.\",\"likelihood\":\"WOULD_BE_LIKELY\",\"harmShown\":true}}"));
    v.put("publicInterestTests", Spin.JSON("{\"s43-2\":{\"factorsFor\":\"Value for money in a contract worth "
        + "£2.4 million a year.\\nScrutiny of how the contract was awarded.\",\"factorsAgainst\":\"Protecting the "
        + "contractor's position in a competitive market.\\nProtecting the council's position at the 2027 contract "
        + "review.\",\"balance\":\"WITHHOLD\",\"conclusion\":\"The contract value and the evaluation scores are "
        + "released, which meets much of the interest in value for money.\"},"
        + "\"s36\":{\"factorsFor\":\"Understanding the advice councillors received.\",\"factorsAgainst\":\"Safe "
        + "space for officers to give frank advice before the review.\",\"balance\":\"WITHHOLD\",\"conclusion\":"
        + "\"The review has not yet taken place and the options remain live.\"}}"));
    v.put("qualifiedPerson", "Chris Doyle, Monitoring Officer");
    v.put("qpOpinionDate", "2026-11-10");
    v.put("qpOpinionSummary", "Disclosure of the two paragraphs would be likely to inhibit the free and frank "
        + "provision of advice (section 36(2)(b)(i)).");
    v.put("qpOpinionReasonable", true);
    v.put("assessmentNotes", "The officers named on the panel are junior staff who made no decision themselves. "
        + "The pricing schedule and the two paragraphs of the briefing notes matter only while the 2027 contract "
        + "review is still to come, and we will look at them again once it is over.");
    // As the assessment form submits it: a JSON list of subsection codes.
    v.put("exemptionSubsections", Spin.JSON("[\"s36-2-b-i\"]"));
    return v;
  }

  /**
   * The walk-through's s.31 part disclosure: the CCTV policy released, the section on identifying suspects
   * withheld under s.31(1)(a) and (b). The requester gave only an email address; the letter may go by post.
   */
  static Map<String, Object> section31PartialDisclosure() {
    Map<String, Object> v = section31Refusal();
    v.put("reference", "FOI-2026-00101");
    v.put("requesterAddress", null);
    v.put("subject", "CCTV and identification policy");
    v.put("requestText", "Please send me the policy your CCTV operators follow, including how they help the "
        + "police to identify suspects.");
    v.put("disclosureScope", "PART");
    v.put("informationSummary", "The CCTV control room policy (version 6, March 2026), including section 5, "
        + "Identification procedures.");
    v.put("withheldDescription", "Section 5 of the policy, Identification procedures.");
    v.put("exemptionSubsections", new ArrayList<>(List.of("s31-1-a", "s31-1-b")));
    v.put("assessmentNotes", "Section 5 sets out, step by step, how operators follow and record a suspect "
        + "for the police. The rest of the policy describes how the control room is governed and is already "
        + "largely reflected in our published code of practice, so we are releasing it.");
    return v;
  }

  /** An EIR refusal: planning enforcement file, reg 12(5)(b) and reg 13. */
  static Map<String, Object> eirRefusal() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00090");
    v.put("requesterName", "Morgan Lee");
    v.put("regime", "EIR");
    v.put("subject", "Planning enforcement at Riverside Yard");
    v.put("requestText", "All correspondence about the planning enforcement investigation at Riverside Yard.");
    v.put("disclosureScope", "WITHHOLD");
    v.put("withheldDescription", "The enforcement file for Riverside Yard, including complainants' letters");
    v.put("engagedExemptions", List.of(
        exemption("eir-12-5-b", "Regulation 12(5)(b)", "The course of justice and inquiries", false, true, false),
        exemption("eir-13", "Regulation 13", "Personal data", true, false, true)));
    v.put("harmTests", Map.of("eir-12-5-b", harm("The investigation is open and a notice may be served.",
        "Releasing the file now would reveal the evidence gathered and the council's view of it before the "
            + "landowner has had a chance to respond through the proper process.", "WOULD")));
    v.put("publicInterestTests", Map.of("eir-12-5-b", publicInterest(
        "The public interest in knowing how planning rules are enforced.",
        "Protecting an investigation that may lead to formal action.",
        "Once the investigation ends, much of the file is likely to be releasable.")));
    return v;
  }

  /** Neither confirm nor deny: s.31(3) and s.40(5B). Spin JSON throughout, numbers as Integer. */
  static Map<String, Object> ncnd() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00101");
    v.put("subject", "Fraud investigation into a named trader");
    v.put("requestText", "Is the council investigating Bright Homes Ltd for trading standards offences?");
    v.put("disclosureScope", "NCND");
    v.put("engagedExemptions", Spin.JSON("[{\"code\":\"s31\",\"section\":\"Section 31\",\"title\":\"Law enforcement\","
        + "\"absolute\":false,\"prejudiceBased\":true,\"ncndAvailable\":true},{\"code\":\"s40-2\",\"section\":"
        + "\"Section 40(2)\",\"title\":\"Personal data of third parties\",\"absolute\":true,\"prejudiceBased\":false,"
        + "\"ncndAvailable\":true}]"));
    v.put("harmTests", Spin.JSON("{\"s31\":{\"harm\":\"Confirming an investigation would alert the subject.\","
        + "\"causalLink\":\"A trader who knows about an investigation can move or destroy evidence.\","
        + "\"likelihood\":\"WOULD_BE_LIKELY\",\"harmShown\":true}}"));
    v.put("publicInterestTests", Spin.JSON("{\"s31\":{\"factorsFor\":\"Consumers want to know which traders are "
        + "under investigation.\",\"factorsAgainst\":\"Investigations must be able to proceed without tipping off "
        + "their subjects.\",\"balance\":\"WITHHOLD\",\"conclusion\":\"Any prosecution would be public.\"}}"));
    v.put("hourlyRatePounds", 25);
    return v;
  }

  static Map<String, Object> costLimit() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00055");
    v.put("subject", "Parking fines 2015 to 2025");
    v.put("requestText", "For every parking fine issued from 2015 to 2025, the street, time, amount and whether "
        + "it was appealed.");
    v.put("estimatedHours", 40.5d);
    v.put("hourlyRatePounds", 25);
    v.put("costLimitPounds", "450");
    return v;
  }

  static Map<String, Object> vexatious() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00061");
    v.put("subject", "Emails about my complaint");
    v.put("requestText", "Every email sent by any officer that mentions me or my complaint since 2019.");
    v.put("vexatious", true);
    v.put("vexatiousReason", "This is your 38th request this year about the same complaint, which the Local "
        + "Government and Social Care Ombudsman closed in 2024.\n"
        + "Answering it would take officers away from other work for several weeks, and it would not take the "
        + "complaint any further.");
    return v;
  }

  static Map<String, Object> clarification() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00063");
    v.put("subject", "Road safety reports");
    v.put("requestText", "Please send me all the reports about road safety.");
    v.put("clarificationNeeded", true);
    v.put("clarificationQuestion", "Which roads or areas are you interested in, and for what period?\n"
        + "Do you mean accident statistics, safety audits of new schemes, or reports to councillors?");
    return v;
  }

  static Map<String, Object> acknowledgement() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00070");
    v.put("subject", "Pothole repairs");
    v.put("requestText", "How many potholes did you repair in 2025, and how much did that cost?");
    v.put("receivedOn", "2026-11-02");
    v.put("dueOn", "2026-11-30");
    return v;
  }

  static Map<String, Object> fees() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00072");
    v.put("requesterEmail", null);
    v.put("channel", "POST");
    v.put("subject", "Printed committee papers");
    v.put("requestText", "Paper copies of the planning committee papers for the last six meetings.");
    v.put("feePounds", 37.6d);
    v.put("feeDetails", "Printing 312 pages at 10p a page: £31.20\nSecond class postage: £6.40");
    return v;
  }

  static Map<String, Object> notHeld() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00074");
    v.put("subject", "Drone surveillance");
    v.put("requestText", "How many hours did council drones spend filming residents in 2025?");
    v.put("informationHeld", false);
    v.put("informationSummary", "We checked the fleet register and the insurance records, and asked the "
        + "Community Safety and Parks teams. The council does not own or hire drones.");
    return v;
  }

  static Map<String, Object> fullDisclosure() {
    Map<String, Object> v = acknowledgement();
    v.put("disclosureScope", "FULL");
    v.put("informationSummary", "In 2025 we repaired 4,312 potholes.\n"
        + "The cost of those repairs was £612,450, including materials and contractors' labour.");
    return v;
  }

  static Map<String, Object> extension() {
    Map<String, Object> v = partialDisclosure();
    v.put("disclosureScope", null);
    v.remove("engagedExemptions");
    v.remove("harmTests");
    v.remove("publicInterestTests");
    v.remove("exemptionSubsections");
    v.put("exemptions", Spin.JSON("[\"s43-2\",\"s36\"]"));
    v.put("receivedOn", "2026-11-02");
    // as the clock leaves them after "Extend the statutory deadline": dueOn moved, the first date kept
    v.put("originalDueOn", "2026-11-30");
    v.put("dueOn", "2026-12-30");
    v.put("extendedDueOn", "2026-12-30");
    v.put("extensionKind", "PUBLIC_INTEREST");
    v.put("extensionReason", "The contractor has asked to make representations about the commercial "
        + "sensitivity of the pricing schedule. We need to consider them before we can decide where the balance "
        + "of the public interest lies.");
    return v;
  }

  static Map<String, Object> sarSignpost() {
    Map<String, Object> v = base();
    v.put("reference", "FOI-2026-00080");
    v.put("subject", "My housing file");
    v.put("requestText", "A copy of everything the housing department holds about me.");
    v.put("subjectAccessRequest", true);
    return v;
  }

  /** A Scottish council's letterhead, for the Scottish edition of the letters. */
  static AuthorityProfile scottishAuthority() {
    return new AuthorityProfile("Example Council",
        List.of("Council Headquarters", "1 High Street", "Exampleton", "EX1 1AA"),
        "foi@example.gov.scot", "01234 567890", "www.example.gov.scot",
        "Jordan Ellis", "Information Governance Manager", "Information Governance Team");
  }

  /** Drafts letters for the Scottish council, dated as the others. */
  static LetterDrafter scottishDrafter() {
    return new LetterDrafter(scottishAuthority(), new LetterSettings("file:letters/", java.time.Duration.ZERO),
        Clock.fixed(LETTER_DATE.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London")));
  }

  /**
   * The case answered in Scotland: under FOISA, or the EISR for an environmental one (regime EIR, or exceptions
   * of the EIR), with the Scottish Fees Regulations' rate (£15 an hour) and limit (£600).
   */
  static Map<String, Object> inScotland(Map<String, Object> ukCase) {
    Map<String, Object> v = new LinkedHashMap<>(ukCase);
    v.put("regime", CaseLetter.from(ukCase).eir() ? "EISR" : "FOISA");
    v.put("hourlyRatePounds", 15);
    v.put("costLimitPounds", 600);
    return v;
  }

  /** The fixed data of each letter type, answered by a Scottish authority. */
  static Map<String, Object> scottishCaseFor(LetterType type) {
    return switch (type) {
      case FEES_NOTICE -> scottishFees();
      case REFUSAL_S12 -> scottishCostLimit();
      case NCND -> foisaNcnd();
      case REFUSAL_NOTICE -> foisaSection35Refusal();
      default -> inScotland(caseFor(type));
    };
  }

  /** A FOISA cost refusal: 55 hours at £15 an hour, £825 against the limit of £600. */
  static Map<String, Object> scottishCostLimit() {
    Map<String, Object> v = inScotland(costLimit());
    v.put("estimatedHours", 55);
    return v;
  }

  /** Neither confirm nor deny under FOISA s.18(1): sections 35 (law enforcement) and 38(1)(b) (personal data). */
  static Map<String, Object> foisaNcnd() {
    Map<String, Object> v = inScotland(ncnd());
    v.put("engagedExemptions", List.of(
        exemption("foisa-s35", "Section 35", "Law enforcement", false, true, true),
        exemption("foisa-s38-1-b", "Section 38(1)(b)", "Personal information of third parties", true, false, true)));
    v.put("harmTests", Map.of("foisa-s35", harm("Confirming an investigation would alert the subject.",
        "A trader who knows about an investigation can move or destroy evidence.", "WOULD_BE_LIKELY")));
    v.put("publicInterestTests", Map.of("foisa-s35", publicInterest(
        "Consumers want to know which traders are under investigation.",
        "Investigations must be able to proceed without tipping off their subjects.",
        "Any prosecution would be public.")));
    return v;
  }

  /** A FOISA fees notice: the projected cost over £100, the fee 10% of the part between £100 and £600. */
  static Map<String, Object> scottishFees() {
    Map<String, Object> v = inScotland(fees());
    v.put("feePounds", 32.5d);
    v.put("feeDetails", "Staff time locating and copying the papers: 25 hours at £15 an hour: £375.00\n"
        + "Printing 312 pages at 10p a page and postage: £50.00\n"
        + "Projected cost: £425.00, of which the first £100 is free\n"
        + "Fee: 10% of the remaining £325.00: £32.50");
    return v;
  }

  /** The CCTV refusal under FOISA: section 35(1)(a) and (b), law enforcement, substantial prejudice. */
  static Map<String, Object> foisaSection35Refusal() {
    Map<String, Object> v = inScotland(section31Refusal());
    v.put("exemptions", new ArrayList<>(List.of("foisa-s35")));
    v.put("engagedExemptions", new ArrayList<>(List.of(
        exemption("foisa-s35", "Section 35", "Law enforcement", false, true, true))));
    Map<String, Object> harmTests = new LinkedHashMap<>();
    harmTests.put("foisa-s35", harm(
        "The procedures show which cameras are monitored live at which times, how operators hand over between "
            + "shifts, and the steps they take when police ask them to follow a suspect.",
        "Someone planning an offence in the town centre could use that detail to choose times and routes that "
            + "are not watched, or to slip out of view during a handover. That would substantially prejudice the "
            + "prevention and detection of crime and the apprehension of offenders (section 35(1)(a) and (b)).",
        "WOULD_BE_LIKELY"));
    v.put("harmTests", harmTests);
    Map<String, Object> piTests = new LinkedHashMap<>();
    piTests.put("foisa-s35", Values.map(v.get("publicInterestTests")).get("s31"));
    v.put("publicInterestTests", piTests);
    return v;
  }

  /** An EISR refusal: the Riverside Yard enforcement file, under the EISR. */
  static Map<String, Object> eisrRefusal() {
    Map<String, Object> v = inScotland(eirRefusal());
    v.put("engagedExemptions", List.of(
        exemption("eisr-10-5-b", "Regulation 10(5)(b)", "The course of justice", false, true, false),
        exemption("eisr-11", "Regulation 11", "Personal data", true, false, true)));
    Map<String, Object> harmTests = new LinkedHashMap<>();
    harmTests.put("eisr-10-5-b", Values.map(v.get("harmTests")).get("eir-12-5-b"));
    v.put("harmTests", harmTests);
    Map<String, Object> piTests = new LinkedHashMap<>();
    piTests.put("eisr-10-5-b", Values.map(v.get("publicInterestTests")).get("eir-12-5-b"));
    v.put("publicInterestTests", piTests);
    return v;
  }

  /** The fixed data of each letter type in the golden tests. */
  static Map<String, Object> caseFor(LetterType type) {
    return switch (type) {
      case ACKNOWLEDGEMENT -> acknowledgement();
      case CLARIFICATION_REQUEST -> clarification();
      case FEES_NOTICE -> fees();
      case REFUSAL_S12 -> costLimit();
      case REFUSAL_S14 -> vexatious();
      case REFUSAL_NOTICE -> section31Refusal();
      case PARTIAL_DISCLOSURE -> partialDisclosure();
      case FULL_DISCLOSURE -> fullDisclosure();
      case NOT_HELD -> notHeld();
      case NCND -> ncnd();
      case PUBLIC_INTEREST_EXTENSION -> extension();
      case SAR_SIGNPOST -> sarSignpost();
    };
  }
}
