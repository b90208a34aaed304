package org.foiflow.documents;

/** What is done with a document in the response: released as it is, released with redactions, or withheld. */
public enum DocumentDecision { UNDECIDED, RELEASE_IN_FULL, RELEASE_REDACTED, WITHHOLD }
