package org.foiflow.redaction;

/** An area to burn in: blacked out, with its exemption's label (e.g. "s.40(2)") printed on the black box. */
public record RedactionMark(PageArea area, String label) {}
