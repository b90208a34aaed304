package org.foiflow.drafting;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by the drafting tests. */
final class LetterAssertions {

  /** Template syntax that must never reach a requester. */
  private static final Pattern UNFILLED = Pattern.compile("\\$\\{|\\*\\{|#\\{|\\[\\[|\\[\\(|\\{\\{|\\bth:|\\bnull\\b|~\\{");
  /** Thymeleaf attributes left in the HTML. */
  private static final Pattern TH_ATTRIBUTE = Pattern.compile("\\sth:[a-zA-Z-]+=|<th:|xmlns:th");

  private LetterAssertions() {
  }

  static void assertContains(String text, String... expected) {
    for (String part : expected) {
      assertTrue(text.contains(part), () -> "expected the letter to contain\n  \"" + part + "\"\nbut it reads:\n" + text);
    }
  }

  static void assertNotContains(String text, String... unexpected) {
    for (String part : unexpected) {
      assertFalse(text.contains(part), () -> "the letter must not contain \"" + part + "\" but it reads:\n" + text);
    }
  }

  static void assertNoPlaceholders(DraftedLetter letter) {
    Matcher inText = UNFILLED.matcher(letter.text());
    if (inText.find()) {
      fail("unfilled placeholder '" + inText.group() + "' in the text: ..."
          + around(letter.text(), inText.start()) + "...");
    }
    String body = letter.html().replaceAll("(?s)<style>.*?</style>", "").replaceAll("(?s)<!--.*?-->", "");
    Matcher inHtml = UNFILLED.matcher(body);
    if (inHtml.find()) {
      fail("unfilled placeholder '" + inHtml.group() + "' in the HTML: ..." + around(body, inHtml.start()) + "...");
    }
    Matcher attribute = TH_ATTRIBUTE.matcher(letter.html());
    if (attribute.find()) {
      fail("Thymeleaf markup left in the HTML: ..." + around(letter.html(), attribute.start()) + "...");
    }
  }

  /** Every letter tells the requester how to ask for a review and how to complain to the ICO. */
  static void assertRightsParagraphs(String text, boolean eir) {
    assertContains(text, "within 40 working days of the date of this letter", "20 working days",
        "Information Commissioner's Office at Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF",
        "ico.org.uk", "section 50 of the Freedom of Information Act 2000");
    if (eir) {
      assertContains(text, "representations to us under regulation 11", "regulation 11(4)", "regulation 18");
    } else {
      assertContains(text, "internal review");
    }
  }

  private static String around(String text, int index) {
    return text.substring(Math.max(0, index - 60), Math.min(text.length(), index + 60));
  }
}
