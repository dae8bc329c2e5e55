package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record identified by its name says so on every card that uses it (PROTOCOL-v3 section A): each finding whose
 * evidence names such a medication record or draft order gets the detail {@code identifiedByName}, the list of the
 * texts that named them (the card layer renders the line "identified by its name: «text»").
 */
final class NamedRecords {

    static final String DETAIL = "identifiedByName";

    private NamedRecords() {}

    static List<Finding> annotate(List<Finding> findings, PatientFacts facts) {
        Map<String, String> named = new HashMap<>();
        for (MedicationFact m : facts.medications()) {
            if (m.recognition().byName()) {
                named.put(m.ref(), m.recognition().nameText());
            }
        }
        for (DraftOrder o : facts.draftOrders()) {
            if (o.recognition().byName()) {
                named.put(o.ref(), o.recognition().nameText());
            }
        }
        if (named.isEmpty()) {
            return findings;
        }
        List<Finding> annotated = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Set<String> texts = new LinkedHashSet<>();
            for (String ref : f.evidence()) {
                String text = named.get(ref);
                if (text != null) {
                    texts.add(text);
                }
            }
            if (texts.isEmpty() || f.details().containsKey(DETAIL)) {
                annotated.add(f);
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>(f.details());
            d.put(DETAIL, List.copyOf(texts));
            annotated.add(new Finding(f.topic(), d, f.evidence()));
        }
        return annotated;
    }
}
