package org.trdcds.criteria;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.KnowledgeLoadException;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.SafetyRuleEntry;
import org.trdcds.knowledge.TopicModalities;

/**
 * The one way to build the decision from the loaded knowledge: the Spring wiring, the preview page (at each sample's
 * date), the dry run and the tests use it. Builds the contraindications and cautions of the rules file once
 * ({@link SafetyRules}: a row naming no rule class of this package stops the start), checks once that every topic the
 * decision can issue has a card template, and reads which modality each topic blocks or concerns from the templates
 * (knowledge, not Java).
 */
public final class DecisionFactory {

    private final Knowledge knowledge;
    private final Blocks blocks;
    private final Safety safety;
    private final List<String> topics;

    /**
     * @throws KnowledgeLoadException when a topic the decision can issue has no card template, a template's topic is
     *                               issued by nothing (a row dropped from the rules file), a row claims a topic the
     *                               decision issues itself or drops one it reads, or a row names no rule class
     */
    public DecisionFactory(Knowledge knowledge) {
        RuleContext shared = new RuleContext(
                null,
                knowledge.parameters(),
                knowledge.safetyParameters(),
                new Pregnancy(knowledge.parameters(), knowledge.safetyParameters()));
        this.safety = new Safety(shared, SafetyRules.build(knowledge.safetyRules(), shared));
        List<String> rowTopics =
                knowledge.safetyRules().stream().map(SafetyRuleEntry::topic).toList();
        checkRowTopics(rowTopics);
        Set<String> issued = new LinkedHashSet<>(Topics.ALL);
        issued.addAll(rowTopics);
        this.topics = List.copyOf(issued);
        TopicModalities modalities = knowledge.topicModalities();
        List<String> missing = topics.stream()
                .filter(topic -> !modalities.topics().contains(topic))
                .toList();
        if (!missing.isEmpty()) {
            throw new KnowledgeLoadException("no card template for topics " + missing + " in the knowledge loaded");
        }
        // the other way: a template no rule issues is most likely a row dropped from the rules file by mistake
        List<String> neverIssued = modalities.topics().stream()
                .filter(topic -> !topics.contains(topic))
                .sorted()
                .toList();
        if (!neverIssued.isEmpty()) {
            throw new KnowledgeLoadException(
                    "card templates " + neverIssued + " are issued by no rule: add each one's row"
                            + " to Parameters-safety-rules.json, or remove its template to retire it");
        }
        this.knowledge = knowledge;
        // the templates' words were checked at load ("ketamine" or "tms"; "none" left out): each names a modality
        Map<String, Set<Modality>> blocked = new HashMap<>();
        modalities
                .blocksByTopic()
                .forEach((topic, words) -> blocked.put(
                        topic, words.stream().map(Modality::ofTemplateWord).collect(Collectors.toUnmodifiableSet())));
        Map<String, Modality> concerns = new HashMap<>();
        modalities.concernsByTopic().forEach((topic, word) -> concerns.put(topic, Modality.ofTemplateWord(word)));
        this.blocks = new Blocks(blocked, concerns);
    }

    /**
     * A row may not claim a topic the decision issues itself (it would add a second card of that topic), and a topic
     * the decision reads from the rules file must keep its row (without it the caution, and what it holds back, would
     * silently stop).
     */
    private static void checkRowTopics(List<String> rowTopics) {
        List<String> claimed = rowTopics.stream()
                .filter(topic -> Topics.ALL.contains(topic) && !Topics.FROM_RULES_FILE.contains(topic))
                .toList();
        if (!claimed.isEmpty()) {
            throw new KnowledgeLoadException(SafetyRules.FILE + ": " + claimed
                    + " are issued by the decision itself, not by a rule: remove their rows");
        }
        List<String> dropped = Topics.FROM_RULES_FILE.stream()
                .filter(topic -> !rowTopics.contains(topic))
                .sorted()
                .toList();
        if (!dropped.isEmpty()) {
            throw new KnowledgeLoadException(SafetyRules.FILE + ": " + dropped
                    + " must keep its row: the decision reads it (the candidate card is held back for it)");
        }
    }

    /** The decision with "now" read from this clock. */
    public Decision at(Clock clock) {
        return new ProtocolDecision(knowledge, clock, blocks, safety);
    }

    /** Which modality each contraindication topic blocks, from the templates. */
    public Blocks blocks() {
        return blocks;
    }

    /** Every topic the decision can issue: those of {@link Topics#ALL} and of the rules file, each with a template. */
    public List<String> topics() {
        return topics;
    }

    public Knowledge knowledge() {
        return knowledge;
    }
}
