package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.SafetyParameters;

/**
 * Breastfeeding (PROTOCOL-v3 section D, lactation-caution, warning, all hooks, concerns ketamine and esketamine): a
 * breastfeeding condition (not resolved) or an observation coded, or answered, in the breastfeeding set and dated in
 * lactationWindowDays. The card words the advice per drug.
 */
final class Lactation implements SafetyRule {

    static final String BREASTFEEDING = "breastfeeding";

    private final String topic;
    private final SafetyParameters s;

    Lactation(RuleContext context) {
        this.topic = context.topic();
        this.s = context.safety();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        Instant from = a.now().minus(Duration.ofDays(s.lactationWindowDays()));
        List<ConditionFact> conditions = new ArrayList<>();
        for (ConditionFact c : a.diagnoses().present(BREASTFEEDING)) {
            if (c.abatement() == null && (c.date() == null || !c.date().isBefore(from))) {
                conditions.add(c);
            }
        }
        List<Map<String, Object>> observations = new ArrayList<>();
        List<String> evidence = Diagnoses.refs(conditions);
        for (ObservationFact o : facts.observations()) {
            Instant at = o.effective();
            if (at == null || at.isBefore(from) || at.isAfter(a.now())) {
                continue;
            }
            boolean coded = a.terms().any(BREASTFEEDING, o.codes());
            boolean answered = a.terms().any(BREASTFEEDING, o.valueCodes());
            if (answered || (coded && o.valueCodes().isEmpty() && o.valueText() == null)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("observation", Details.label(answered ? o.valueCodes() : o.codes()));
                row.put("date", Details.date(at));
                observations.add(row);
                evidence.add(o.ref());
            }
        }
        if (conditions.isEmpty() && observations.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        d.put("observations", observations);
        d.put("windowMonths", Math.round(s.lactationWindowDays() / 30.4));
        return new Finding(topic, d, evidence);
    }
}
