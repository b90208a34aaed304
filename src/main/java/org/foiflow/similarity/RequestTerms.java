package org.foiflow.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.foiflow.casefile.RequestLetter;

/**
 * The terms a request is compared by: Lucene's EnglishAnalyzer (words and numbers such as "A38" or "2024", English
 * stop words and the words requests are framed with dropped, possessives cut, Porter-stemmed), so "speeding fines issued" and "fine issued for speeding"
 * share "speed", "fine", "issu". Each distinct term once: a request is compared by what it is about, not by how
 * often a word is repeated.
 */
final class RequestTerms {

  /** A term is cut at the column's width (foi_case_term.term). */
  static final int MAX_TERM_CHARS = 100;
  /** The most terms kept of one request: a long clarification still says what it is about in its first ones. */
  static final int MAX_TERMS = 400;

  /**
   * Words every request is framed with ("How many ... did you ... in each of the last three years? Please provide
   * ..."): dropped with Lucene's English stop words, since two requests that share only their framing ask for
   * different information.
   */
  private static final List<String> FRAMING = List.of("how", "many", "much", "what", "which", "who", "whom", "when",
      "where", "why", "whether", "did", "do", "does", "done", "has", "have", "had", "been", "were", "can", "you",
      "your", "yours", "we", "our", "us", "i", "me", "my", "please", "provide", "tell", "send", "give", "state",
      "list", "disclose", "copy", "copies", "would", "could", "should", "like", "know", "also", "any", "all", "each",
      "every", "per", "from", "since", "over", "under", "between", "during", "after", "before", "about", "than",
      "its", "those", "them", "made", "make", "number", "numbers", "total", "information", "details", "request",
      "year", "years", "last", "past", "current", "currently", "so", "if", "including", "include", "out", "up",
      "get", "got", "other", "same", "some", "such", "own", "there", "here", "just", "only", "very");

  // thread-safe: an analyzer reuses its token streams per thread
  private static final Analyzer ENGLISH = new EnglishAnalyzer(stopWords());

  private RequestTerms() {
  }

  private static CharArraySet stopWords() {
    CharArraySet words = CharArraySet.copy(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    words.addAll(FRAMING);
    return CharArraySet.unmodifiableSet(words);
  }

  /** The terms of what a request letter asks (casefile.RequestLetter: without its greeting, sign-off and footer). */
  static Set<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return terms;
    }
    // a signature's name or a WhatDoTheyKnow address is a rare word: left in, it would outweigh the request
    try (TokenStream tokens = ENGLISH.tokenStream("request", RequestLetter.asked(text))) {
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
