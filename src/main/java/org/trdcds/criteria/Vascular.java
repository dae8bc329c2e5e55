package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * The vascular block (docs/protocol.md section 4, blocks ketamine): an aneurysm or arteriovenous malformation not
 * resolved, an intracranial hemorrhage ever, a myocardial infarction in myocardialInfarctionWindowDays, an active
 * cerebral edema. A myocardial infarction known only by its recordedDate is a warning line, not a block.
 */
final class Vascular implements SafetyRule {

    static final String ANEURYSM = "vascular-aneurysm-avm";
    static final String HEMORRHAGE = "intracranial-hemorrhage";
    static final String MYOCARDIAL_INFARCTION = "myocardial-infarction";
    static final String CEREBRAL_EDEMA = "cerebral-edema";

    private final String topic;
    private final ProtocolParameters p;

    Vascular(RuleContext context) {
        this.topic = context.topic();
        this.p = context.parameters();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        Diagnoses dx = a.diagnoses();
        Instant now = a.now();
        List<ConditionFact> blocking = new ArrayList<>(dx.present(ANEURYSM));
        addNew(blocking, dx.ever(HEMORRHAGE, null, now));
        List<ConditionFact> onsetUnknown = new ArrayList<>();
        for (ConditionFact mi :
                dx.ever(MYOCARDIAL_INFARCTION, now.minus(Duration.ofDays(p.myocardialInfarctionWindowDays())), now)) {
            (mi.onset() == null ? onsetUnknown : blocking).add(mi); // known only by its recordedDate: a warning line
        }
        addNew(blocking, dx.active(CEREBRAL_EDEMA));
        if (blocking.isEmpty() && onsetUnknown.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(blocking));
        d.put("onsetUnknown", Details.conditionRows(onsetUnknown));
        if (blocking.isEmpty()) {
            d.put(Blocks.WARNING_ONLY, true);
        }
        List<String> evidence = Diagnoses.refs(blocking);
        evidence.addAll(Diagnoses.refs(onsetUnknown));
        return new Finding(topic, d, evidence);
    }

    private static void addNew(List<ConditionFact> to, List<ConditionFact> from) {
        for (ConditionFact c : from) {
            if (!to.contains(c)) {
                to.add(c);
            }
        }
    }
}
