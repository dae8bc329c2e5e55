package org.trdcds.cards;

import java.util.Map;

/** For tests: a decision value (a Phrase, or a list or map holding some) as the text a card shows. */
public final class PhraseText {

    private static final Phrases SHIPPED =
            Phrases.of(org.trdcds.knowledge.ProjectKnowledge.get().phrases());

    private PhraseText() {}

    /** The value with every Phrase written out, as a string. */
    public static String of(Object value) {
        return String.valueOf(SHIPPED.details(Map.of("v", value)).get("v"));
    }
}
