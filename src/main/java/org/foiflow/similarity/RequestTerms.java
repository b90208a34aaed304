package org.foiflow.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms a request is compared by: Lucene's EnglishAnalyzer (words and numbers such as "A38" or "2024", English
 * stop words dropped, possessives cut, Porter-stemmed), so "speeding fines issued" and "fine issued for speeding"
 * share "speed", "fine", "issu". Each distinct term once: a request is compared by what it is about, not by how
 * often a word is repeated.
 */
final class RequestTerms {

  /** A term is cut at the column's width (foi_case_term.term). */
  static final int MAX_TERM_CHARS = 100;
  /** The most terms kept of one request: a long clarification still says what it is about in its first ones. */
  static final int MAX_TERMS = 400;

  // thread-safe: an analyzer reuses its token streams per thread
  private static final Analyzer ENGLISH = new EnglishAnalyzer();

  private RequestTerms() {
  }

  static Set<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return terms;
    }
    try (TokenStream tokens = ENGLISH.tokenStream("request", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
        String found = term.toString();
        terms.add(found.length() <= MAX_TERM_CHARS ? found : found.substring(0, MAX_TERM_CHARS));
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
