package org.trdcds.criteria;

import java.util.ArrayList;
import org.trdcds.knowledge.ProtocolParameters;

/** Blood pressure elevated but under the block limits (docs/protocol.md section 4, a warning). */
final class BloodPressureElevated implements SafetyRule {

    private final String topic;
    private final ProtocolParameters p;

    BloodPressureElevated(RuleContext context) {
        this.topic = context.topic();
        this.p = context.parameters();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        BloodPressure.Result bp = a.bloodPressure();
        return bp.elevated() ? new Finding(topic, BloodPressureDetails.of(bp, p), new ArrayList<>(bp.refs())) : null;
    }
}
