package org.trdcds.criteria;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.trdcds.knowledge.Knowledge;

/**
 * The decision of docs/protocol.md (version 2) over typed facts. A patient off the depressive spectrum gets no findings on
 * any hook; otherwise patient-view screens and the order hooks check the selected, in-scope draft orders.
 * Thread-safe: all state is per call.
 */
public final class ProtocolDecision implements Decision {

    private final Knowledge knowledge;
    private final Clock clock;
    private final Trd trd;
    private final Suicide suicide;
    private final Screening screening;
    private final OrderChecks orderChecks;

    /**
     * Built by {@link DecisionFactory}.
     *
     * @param blocks which modality each contraindication topic blocks (from the card templates)
     * @param safety the contraindications and cautions of the rules file (stateless, shared by every decision)
     */
    ProtocolDecision(Knowledge knowledge, Clock clock, Blocks blocks, Safety safety) {
        this.knowledge = knowledge;
        this.clock = clock;
        this.trd = new Trd(knowledge);
        this.suicide = new Suicide(knowledge);
        this.screening = new Screening(knowledge.parameters(), safety, blocks);
        this.orderChecks = new OrderChecks(knowledge.parameters(), knowledge.orderParameters(), safety, blocks);
    }

    @Override
    public List<Finding> decide(PatientFacts facts, HookKind kind) {
        Instant now = clock.instant();
        Terms terms = new Terms(knowledge);
        Diagnoses diagnoses = new Diagnoses(facts.conditions(), terms);
        if (!diagnoses.onSpectrum(now, knowledge.parameters().suicideAttemptWindowDays())) {
            // decided before any trial, course or vital sign is read, unless suicide risk is on record (v3 section C)
            Suicide.Result risk = suicide.assess(diagnoses, facts.observations(), facts.procedures(), terms, now);
            return risk.finding() == null
                    ? List.of()
                    : OffSpectrum.suicideOnly(
                            Assessment.of(facts, knowledge, terms, diagnoses, trd, suicide, now), facts, kind);
        }
        Assessment assessment = Assessment.of(facts, knowledge, terms, diagnoses, trd, suicide, now);
        return NamedRecords.annotate(
                kind == HookKind.SCREENING
                        ? screening.decide(assessment, facts)
                        : IncompleteOrders.append(
                                orderChecks.decide(assessment, facts), assessment, facts, knowledge.parameters()),
                facts);
    }
}
