package org.foiflow.archfixture.b;

import org.foiflow.archfixture.a.Ask;

/** A planted cycle for ArchitectureTest (with {@link Ask}): proves the cycle rule reports one. */
public class Answer {

  public Ask nextAsk() {
    return new Ask();
  }
}
