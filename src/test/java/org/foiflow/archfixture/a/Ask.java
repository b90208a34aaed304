package org.foiflow.archfixture.a;

import org.foiflow.archfixture.b.Answer;

/** A planted cycle for ArchitectureTest (with {@link Answer}): proves the cycle rule reports one. */
public class Ask {

  public Answer answer() {
    return new Answer();
  }
}
