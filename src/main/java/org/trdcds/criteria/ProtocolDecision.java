package org.trdcds.criteria;

import java.time.Clock;
import java.util.List;
import org.trdcds.terminology.Knowledge;

/**
 * The decision of PROTOCOL.md over typed facts. A patient without an active depressive disorder gets no findings on
 * any hook; otherwise patient-view screens and the order hooks check selected draft ketamine and TMS orders.
 * Thread-safe: all state is per call.
 */
public final class ProtocolDecision implements Decision {

    private final Knowledge knowledge;
    private final Clock clock;
    private final Trd trd;
    private final Screening screening;
    private final OrderChecks orderChecks;

    public ProtocolDecision(Knowledge knowledge, Clock clock) {
        this.knowledge = knowledge;
        this.clock = clock;
        this.trd = new Trd(knowledge);
        Safety safety = new Safety(knowledge);
        this.screening = new Screening(knowledge.parameters(), safety);
        this.orderChecks = new OrderChecks(knowledge.parameters(), safety);
    }

    @Override
    public List<Finding> decide(PatientFacts facts, HookKind kind) {
        Assessment assessment = Assessment.of(facts, knowledge, trd, clock.instant());
        if (assessment.depressed().isEmpty()) {
            return List.of();
        }
        return kind == HookKind.SCREENING
                ? screening.decide(assessment, facts.observations())
                : orderChecks.decide(assessment, facts);
    }
}
