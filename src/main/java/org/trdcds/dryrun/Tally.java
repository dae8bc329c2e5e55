package org.trdcds.dryrun;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.trdcds.cards.Card;

/** Cards per topic: patients with at least one card of the topic, and cards by indicator. Thread-safe. */
final class Tally {

    static final List<String> INDICATORS = List.of("info", "warning", "critical");

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    final LongAdder patients = new LongAdder();
    final LongAdder patientsWithCards = new LongAdder();
    final LongAdder cards = new LongAdder();

    record Counts(long patients, long info, long warning, long critical) {
        long cards() {
            return info + warning + critical;
        }
    }

    void add(List<Card> patientCards) {
        patients.increment();
        if (!patientCards.isEmpty()) {
            patientsWithCards.increment();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Card card : patientCards) {
            String topic = topic(card);
            Topic counts = topics.computeIfAbsent(topic, t -> new Topic());
            if (seen.add(topic)) {
                counts.patients.increment();
            }
            int i = INDICATORS.indexOf(card.indicator());
            counts.indicators[i < 0 ? 0 : i].increment();
            cards.increment();
        }
    }

    /** By topic, sorted by topic code. */
    Map<String, Counts> byTopic() {
        Map<String, Counts> sorted = new TreeMap<>();
        topics.forEach((topic, t) -> sorted.put(
                topic,
                new Counts(t.patients.sum(), t.indicators[0].sum(), t.indicators[1].sum(), t.indicators[2].sum())));
        return sorted;
    }

    static String topic(Card card) {
        return card.source() == null || card.source().topic() == null
                ? "(no topic)"
                : card.source().topic().code();
    }

    private static final class Topic {
        final LongAdder patients = new LongAdder();
        final LongAdder[] indicators = {new LongAdder(), new LongAdder(), new LongAdder()};
    }
}
