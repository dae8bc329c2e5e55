package org.trdcds.criteria;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Uncontrolled hypertension (docs/protocol.md section 4, blocks ketamine): an active hypertensive crisis dated in
 * bloodPressureWindowDays, or the latest readings above the block limits ({@link BloodPressure}).
 */
final class UncontrolledHypertension implements SafetyRule {

    static final String HYPERTENSIVE_CRISIS = "hypertensive-crisis";

    private final String topic;
    private final ProtocolParameters p;

    UncontrolledHypertension(RuleContext context) {
        this.topic = context.topic();
        this.p = context.parameters();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        BloodPressure.Result bp = a.bloodPressure();
        List<ConditionFact> crisis = a.diagnoses()
                .activeSince(HYPERTENSIVE_CRISIS, a.now().minus(Duration.ofDays(p.bloodPressureWindowDays())));
        if (crisis.isEmpty() && !bp.uncontrolled()) {
            return null;
        }
        Map<String, Object> d = BloodPressureDetails.of(bp, p);
        d.put("conditions", Details.conditionRows(crisis));
        List<String> evidence = Diagnoses.refs(crisis);
        if (bp.uncontrolled()) {
            evidence.addAll(bp.refs());
        }
        return new Finding(topic, d, evidence);
    }
}
