package org.trdcds.criteria;

import java.util.List;
import java.util.Map;

/**
 * One conclusion of the decision, named by its card topic (docs/protocol.md section 5).
 *
 * @param topic    the card topic code, e.g. "combination-candidate"
 * @param details  the values the card template renders, by name (String, Number, Boolean, or List of Map for tables);
 *                 the names per topic are documented in cds-cards/README.md
 * @param evidence references of the resources the finding rests on ("Observation/obs-9", ...)
 */
public record Finding(String topic, Map<String, Object> details, List<String> evidence) {}
