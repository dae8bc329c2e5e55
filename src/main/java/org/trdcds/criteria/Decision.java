package org.trdcds.criteria;

import java.util.List;

/** The clinical decision of docs/protocol.md: typed facts in, findings out. No Spring, HTTP or JSON. */
public interface Decision {

    /** Findings in the order their cards should be shown (most urgent first). Never null. */
    List<Finding> decide(PatientFacts facts, HookKind kind);
}
