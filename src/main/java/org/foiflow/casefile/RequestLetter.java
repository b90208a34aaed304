package org.foiflow.casefile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request letter asks, without its courtesies: the greeting, the sign-off with the requester's name, and
 * the footer WhatDoTheyKnow adds ("Please use this email address for all replies to this request: request-...").
 * Requests are compared by this (similarity.RequestTerms), so the same campaign sent by many people reads as
 * the same request whoever signed it and however it was sent.
 */
public final class RequestLetter {

  private static final Pattern GREETING = Pattern.compile(
      "\\A\\s*(dear\\b[^\\n]{0,80}|hello[^\\n]{0,40}|hi[^\\n]{0,40}|good (morning|afternoon)[^\\n]{0,40}"
          + "|to whom it may concern)[,.!:]?[ \\t]*\\R", Pattern.CASE_INSENSITIVE);
  private static final Pattern FOOTER = Pattern.compile(
      "^[ \\t]*(-{3,}|_{3,}|please use this email address for all replies to this request)",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern SIGN_OFF = Pattern.compile(
      "^[ \\t]*(yours (faithfully|sincerely|truly)|kind regards|best regards|best wishes|regards|many thanks|thanks"
          + "|thank you)[,.!]?[ \\t]*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern WDTK_ADDRESS = Pattern.compile("\\S+@whatdotheyknow\\.com", Pattern.CASE_INSENSITIVE);

  private RequestLetter() {
  }

  /** The request itself; the text as given when nothing would be left. */
  public static String asked(String letter) {
    if (letter == null) {
      return null;
    }
    String body = cutFrom(FOOTER, letter, false);
    body = cutFrom(SIGN_OFF, body, true);
    body = GREETING.matcher(body).replaceFirst("");
    body = WDTK_ADDRESS.matcher(body).replaceAll(" ").strip();
    return body.isEmpty() ? letter : body;
  }

  /** The text before the first (or last) line the pattern finds. */
  private static String cutFrom(Pattern pattern, String text, boolean last) {
    Matcher found = pattern.matcher(text);
    int at = -1;
    while (found.find()) {
      at = found.start();
      if (!last) {
        break;
      }
    }
    return at > 0 ? text.substring(0, at) : text;
  }
}
