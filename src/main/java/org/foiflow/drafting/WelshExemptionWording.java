package org.foiflow.drafting;

import java.util.Locale;
import java.util.Map;

/**
 * The Welsh counterpart of the English wording the exemption catalogue (DMN exemption-catalogue and
 * exemption-subsections) and {@link ExemptionReasons} hold: each exemption's title, what it protects, what each
 * subsection protects and the verb of the harm, in the terms Welsh public bodies use for the Freedom of
 * Information Act 2000 (Deddf Rhyddid Gwybodaeth 2000) and the Environmental Information Regulations 2004
 * (Rheoliadau Gwybodaeth Amgylcheddol 2004). A code added to the catalogue without a row here keeps its English
 * title in a Welsh letter; {@code WelshLettersTest} checks every catalogue code has one.
 */
public final class WelshExemptionWording {

  private WelshExemptionWording() {
  }

  /** By catalogue code (lower case). */
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry("s21", "Gwybodaeth sydd ar gael i'r ceisydd drwy ddulliau eraill"),
      Map.entry("s22", "Gwybodaeth y bwriedir ei chyhoeddi yn y dyfodol"),
      Map.entry("s22a", "Gwybodaeth ymchwil"),
      Map.entry("s23", "Gwybodaeth a gyflenwyd gan gyrff sy'n ymdrin â materion diogelwch, neu sy'n ymwneud â hwy"),
      Map.entry("s24", "Diogelwch gwladol"),
      Map.entry("s26", "Amddiffyn"),
      Map.entry("s27", "Cysylltiadau rhyngwladol"),
      Map.entry("s28", "Cysylltiadau o fewn y Deyrnas Unedig"),
      Map.entry("s29", "Yr economi"),
      Map.entry("s30", "Ymchwiliadau ac achosion a gynhelir gan awdurdodau cyhoeddus"),
      Map.entry("s31", "Gorfodi'r gyfraith"),
      Map.entry("s32", "Cofnodion llys"),
      Map.entry("s33", "Swyddogaethau archwilio"),
      Map.entry("s34", "Braint seneddol"),
      Map.entry("s35", "Llunio polisi'r llywodraeth"),
      Map.entry("s36", "Niwed i'r gwaith o gynnal materion cyhoeddus yn effeithiol"),
      Map.entry("s37", "Cyfathrebu â'i Fawrhydi a dyfarnu anrhydeddau"),
      Map.entry("s38", "Iechyd a diogelwch"),
      Map.entry("s39", "Gwybodaeth amgylcheddol"),
      Map.entry("s40-1", "Data personol y ceisydd"),
      Map.entry("s40-2", "Data personol trydydd partïon"),
      Map.entry("s41", "Gwybodaeth a ddarparwyd yn gyfrinachol"),
      Map.entry("s42", "Braint broffesiynol gyfreithiol"),
      Map.entry("s43-1", "Cyfrinachau masnach"),
      Map.entry("s43-2", "Niwed i fuddiannau masnachol"),
      Map.entry("s44", "Gwaharddiadau ar ddatgelu"),
      Map.entry("eir-12-4-b", "Cais sy'n amlwg yn afresymol"),
      Map.entry("eir-12-4-c", "Cais sydd wedi'i lunio mewn modd rhy gyffredinol"),
      Map.entry("eir-12-4-d", "Deunydd sy'n dal i gael ei gwblhau, dogfennau anorffenedig neu ddata anghyflawn"),
      Map.entry("eir-12-4-e", "Cyfathrebiadau mewnol"),
      Map.entry("eir-12-5-a", "Cysylltiadau rhyngwladol, amddiffyn, diogelwch gwladol neu ddiogelwch y cyhoedd"),
      Map.entry("eir-12-5-b", "Cwrs cyfiawnder ac ymholiadau"),
      Map.entry("eir-12-5-c", "Hawliau eiddo deallusol"),
      Map.entry("eir-12-5-d", "Cyfrinachedd achosion"),
      Map.entry("eir-12-5-e", "Cyfrinachedd gwybodaeth fasnachol neu ddiwydiannol"),
      Map.entry("eir-12-5-f", "Buddiannau'r sawl a ddarparodd yr wybodaeth"),
      Map.entry("eir-12-5-g", "Diogelu'r amgylchedd"),
      Map.entry("eir-13", "Data personol trydydd partïon"));

  /** What a prejudice-based exemption protects, after "niweidio …" (ExemptionReasons' PROTECTED_INTERESTS). */
  private static final Map<String, String> PROTECTED_INTERESTS = Map.ofEntries(
      Map.entry("s22a", "y rhaglen ymchwil neu fuddiannau'r rheini sy'n cymryd rhan ynddi"),
      Map.entry("s26", "amddiffyn Ynysoedd Prydain neu allu'r lluoedd arfog"),
      Map.entry("s27", "y cysylltiadau rhwng y Deyrnas Unedig a gwladwriaethau eraill neu sefydliadau rhyngwladol"),
      Map.entry("s28", "y cysylltiadau rhwng y gweinyddiaethau o fewn y Deyrnas Unedig"),
      Map.entry("s29", "buddiannau economaidd neu ariannol y Deyrnas Unedig"),
      Map.entry("s31", "gorfodi'r gyfraith"),
      Map.entry("s33", "ein swyddogaethau archwilio"),
      Map.entry("s36", "y gwaith o gynnal materion cyhoeddus yn effeithiol"),
      Map.entry("s38", "iechyd corfforol neu feddyliol, neu ddiogelwch, unrhyw unigolyn"),
      Map.entry("s43-2", "buddiannau masnachol"),
      Map.entry("eir-12-5-a", "cysylltiadau rhyngwladol, amddiffyn, diogelwch gwladol neu ddiogelwch y cyhoedd"),
      Map.entry("eir-12-5-b", "cwrs cyfiawnder"),
      Map.entry("eir-12-5-c", "hawliau eiddo deallusol"),
      Map.entry("eir-12-5-d", "cyfrinachedd ein hachosion"),
      Map.entry("eir-12-5-e", "cyfrinachedd gwybodaeth fasnachol neu ddiwydiannol"),
      Map.entry("eir-12-5-f", "buddiannau'r sawl a ddarparodd yr wybodaeth"),
      Map.entry("eir-12-5-g", "diogelu'r amgylchedd"));

  /** What each subsection protects (DMN exemption-subsections), by its section as the table cites it. */
  private static final Map<String, String> SUBSECTION_INTERESTS = Map.ofEntries(
      Map.entry("26(1)(a)", "amddiffyn Ynysoedd Prydain neu unrhyw drefedigaeth"),
      Map.entry("26(1)(b)", "gallu, effeithiolrwydd neu ddiogelwch y lluoedd arfog"),
      Map.entry("27(1)(a)", "y cysylltiadau rhwng y Deyrnas Unedig ac unrhyw Wladwriaeth arall"),
      Map.entry("27(1)(b)", "y cysylltiadau rhwng y Deyrnas Unedig ac unrhyw sefydliad rhyngwladol neu lys rhyngwladol"),
      Map.entry("27(1)(c)", "buddiannau'r Deyrnas Unedig dramor"),
      Map.entry("27(1)(d)", "y modd y mae'r Deyrnas Unedig yn hyrwyddo neu'n diogelu ei buddiannau dramor"),
      Map.entry("29(1)(a)", "buddiannau economaidd y Deyrnas Unedig neu unrhyw ran ohoni"),
      Map.entry("29(1)(b)", "buddiannau ariannol unrhyw weinyddiaeth yn y Deyrnas Unedig"),
      Map.entry("30(1)(a)", "ymchwiliad i ganfod a ddylid cyhuddo person o drosedd, neu a yw'n euog ohoni"),
      Map.entry("30(1)(b)", "ymchwiliad a allai arwain at benderfyniad i ddwyn achos troseddol"),
      Map.entry("30(1)(c)", "achos troseddol y mae gennym y pŵer i'w gynnal"),
      Map.entry("30(2)", "gwybodaeth a gafwyd gan ffynonellau cyfrinachol ar gyfer ein hymchwiliadau"),
      Map.entry("31(1)(a)", "atal neu ganfod troseddau"),
      Map.entry("31(1)(b)", "dal neu erlyn troseddwyr"),
      Map.entry("31(1)(c)", "gweinyddu cyfiawnder"),
      Map.entry("31(1)(d)", "asesu neu gasglu unrhyw dreth neu doll"),
      Map.entry("31(1)(e)", "gweithredu'r rheolaethau mewnfudo"),
      Map.entry("31(1)(f)", "cynnal diogelwch a threfn dda mewn carchardai neu fannau cadw cyfreithlon eraill"),
      Map.entry("31(1)(g)", "arfer swyddogaethau awdurdod cyhoeddus at ddiben a restrir yn adran 31(2)"),
      Map.entry("31(1)(h)", "achosion sifil sy'n deillio o ymchwiliad at ddiben a restrir yn adran 31(2)"),
      Map.entry("31(1)(i)", "ymchwiliad yn yr Alban i ddamwain angheuol neu farwolaeth sydyn sy'n deillio o ymchwiliad o'r fath"),
      Map.entry("35(1)(a)", "llunio neu ddatblygu polisi'r llywodraeth"),
      Map.entry("35(1)(b)", "cyfathrebiadau Gweinidogion"),
      Map.entry("35(1)(c)", "cyngor gan Swyddogion y Gyfraith"),
      Map.entry("35(1)(d)", "gweithrediad swyddfa breifat Gweinidog"),
      Map.entry("36(2)(a)", "cydgyfrifoldeb Gweinidogion neu weithrediaeth ddatganoledig"),
      Map.entry("36(2)(b)(i)", "rhoi cyngor yn rhydd ac yn onest"),
      Map.entry("36(2)(b)(ii)", "cyfnewid safbwyntiau yn rhydd ac yn onest at ddibenion trafod"),
      Map.entry("36(2)(c)", "y gwaith o gynnal materion cyhoeddus yn effeithiol"),
      Map.entry("38(1)(a)", "iechyd corfforol neu feddyliol unrhyw unigolyn"),
      Map.entry("38(1)(b)", "diogelwch unrhyw unigolyn"),
      Map.entry("44(1)(a)", "gwaharddiad ar ddatgelu gan Ddeddf Seneddol neu o dan Ddeddf Seneddol"),
      Map.entry("44(1)(c)", "dirmyg llys"));

  /** The verb of the harm: radical form, then soft-mutated after "o" ("yn debygol o beryglu"). */
  private static final Map<String, String[]> VERBS = Map.of(
      "prejudice", new String[] {"niweidio", "niweidio"},
      "inhibit", new String[] {"llesteirio", "lesteirio"},
      "endanger", new String[] {"peryglu", "beryglu"},
      "adversely affect", new String[] {"effeithio'n andwyol ar", "effeithio'n andwyol ar"});

  /** The Welsh title of a catalogue code, or null when it has none. */
  public static String title(String code) {
    return code == null ? null : TITLES.get(code.toLowerCase(Locale.ROOT));
  }

  static String protectedInterest(String code) {
    return code == null ? null : PROTECTED_INTERESTS.get(code.toLowerCase(Locale.ROOT));
  }

  static String subsectionInterest(String section) {
    return section == null ? null : SUBSECTION_INTERESTS.get(section.replaceFirst("^\\S+\\s+", ""));
  }

  /** Whether the Welsh verb ends with "ar", which softens what follows ("effeithio'n andwyol ar gwrs cyfiawnder"). */
  static boolean mutatesObject(String english) {
    return english != null && "adversely affect".equalsIgnoreCase(english);
  }

  static String verb(String english, boolean afterO) {
    String[] forms = english == null ? null : VERBS.get(english.toLowerCase(Locale.ROOT));
    if (forms == null) {
      return english;
    }
    return afterO ? forms[1] : forms[0];
  }

  /**
   * A provision as a Welsh letter cites it: "Section 31(3)" becomes "Adran 31(3)", "Regulation 12(5)(b)" becomes
   * "Rheoliad 12(5)(b)", "Sections" and "Regulations" become "Adrannau" and "Rheoliadau"; anything else is kept.
   */
  public static String cite(String english) {
    if (english == null) {
      return null;
    }
    return english.replaceFirst("^Sections\\b", "Adrannau").replaceFirst("^Section\\b", "Adran")
        .replaceFirst("^Regulations\\b", "Rheoliadau").replaceFirst("^Regulation\\b", "Rheoliad")
        .replaceFirst("^section\\b", "adran").replaceFirst("^regulation\\b", "rheoliad");
  }

  /**
   * The soft mutation of a phrase's first word, as after "ar" or "o dan": "cwrs cyfiawnder" becomes "gwrs
   * cyfiawnder", "rheoliad 12(5)(b)" becomes "reoliad 12(5)(b)", "diogelu'r amgylchedd" becomes "ddiogelu'r
   * amgylchedd". Words that do not mutate ("y", "hawliau", "adran") are kept.
   */
  static String softMutation(String phrase) {
    if (phrase == null || phrase.isEmpty()) {
      return phrase;
    }
    String[][] rules = {{"ll", "l"}, {"rh", "r"}, {"p", "b"}, {"t", "d"}, {"c", "g"}, {"b", "f"}, {"d", "dd"},
        {"m", "f"}, {"g", ""}};
    if (phrase.startsWith("y ") || phrase.startsWith("yr ") || phrase.startsWith("ch") || phrase.startsWith("ph")
        || phrase.startsWith("th") || phrase.startsWith("dd")) {
      return phrase;
    }
    for (String[] rule : rules) {
      if (phrase.startsWith(rule[0])) {
        return rule[1] + phrase.substring(rule[0].length());
      }
    }
    return phrase;
  }

  /** The schedule of redactions' page column in Welsh: the page, or "Y ddogfen gyfan". */
  public static String page(LetterEnclosures.ScheduleRow row) {
    return row.page() == null ? "Y ddogfen gyfan" : String.valueOf(row.page());
  }

  /** The schedule's count column in Welsh: the number, or "Wedi'i dal yn ôl" for a document withheld in full. */
  public static String count(LetterEnclosures.ScheduleRow row) {
    return row.page() == null ? "Wedi'i dal yn ôl" : String.valueOf(row.count());
  }

  /** The catalogue codes with Welsh titles (for the test that every code has one). */
  static java.util.Set<String> titledCodes() {
    return TITLES.keySet();
  }
}
