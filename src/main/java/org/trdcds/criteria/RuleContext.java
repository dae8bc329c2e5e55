package org.trdcds.criteria;

import org.trdcds.knowledge.ProtocolParameters;
import org.trdcds.knowledge.SafetyParameters;

/**
 * What a rule class is built with, once at start-up ({@link SafetyRules}): the topic of its row of the rules file (the
 * topic of its findings: no Java constant) and the knowledge it may read.
 *
 * @param topic      the card topic of the rule's row
 * @param parameters the protocol parameters (Parameters-protocol-parameters.json)
 * @param safety     the safety parameters of protocol version 3 (Parameters-safety-v3.json)
 * @param pregnancy  the one pregnancy check, also read by the candidate card's and session monitoring's lines
 */
record RuleContext(String topic, ProtocolParameters parameters, SafetyParameters safety, Pregnancy pregnancy) {

    /** The same knowledge for the rule of another topic. */
    RuleContext withTopic(String rowTopic) {
        return new RuleContext(rowTopic, parameters, safety, pregnancy);
    }
}
