package org.trdcds.cards;

import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.criteria.Phrase;
import org.trdcds.knowledge.Compilers;

/**
 * The words of the decision's {@link Phrase}s: {@code phrases} of cds-cards/shared/detail-lines.json, compiled once.
 * Before a card template runs, every Phrase in a finding's details (also inside table rows and lists) becomes its
 * text; a phrase's values are plain text here, escaped once by the card template that inserts the result.
 */
final class Phrases {

    /** The object of cds-cards/shared/detail-lines.json that holds the phrases. */
    static final String KEY = "phrases";

    private final Map<String, Template> templates;

    /** The phrases among the knowledge's shared phrases (keys {@code phrases.<key>} of cds-cards/shared/). */
    static Phrases of(Map<String, String> shared) {
        Map<String, String> texts = new HashMap<>();
        shared.forEach((key, text) -> {
            if (key.startsWith(KEY + ".")) {
                texts.put(key.substring(KEY.length() + 1), text);
            }
        });
        return new Phrases(texts);
    }

    Phrases(Map<String, String> texts) {
        Map<String, Template> compiled = new HashMap<>();
        texts.forEach((key, text) -> compiled.put(key, Compilers.PHRASE.compile(text)));
        this.templates = Map.copyOf(compiled);
    }

    Set<String> keys() {
        return templates.keySet();
    }

    /** The phrase as text; an unknown key fails (the phrases test keeps every key the decision uses). */
    String text(Phrase phrase) {
        Template template = templates.get(phrase.key());
        if (template == null) {
            throw new IllegalStateException("no phrase " + phrase.key() + " in cds-cards/shared/detail-lines.json");
        }
        Map<String, Object> values = new HashMap<>();
        phrase.values().forEach((name, value) -> values.put(name, resolve(value)));
        return template.execute(values);
    }

    /** The details with every Phrase written out; the same map when it holds none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> details(Map<String, Object> details) {
        Object resolved = resolve(details);
        return (Map<String, Object>) resolved;
    }

    private Object resolve(Object value) {
        if (value instanceof Phrase p) {
            return text(p);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = resolve(e.getValue());
                if (v != e.getValue() && out == null) {
                    out = new LinkedHashMap<>(map);
                }
                if (out != null) {
                    out.put(e.getKey(), v);
                }
            }
            return out == null ? value : out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list);
            boolean changed = false;
            for (int i = 0; i < out.size(); i++) {
                Object v = resolve(out.get(i));
                changed |= v != out.get(i);
                out.set(i, v);
            }
            return changed ? out : value;
        }
        return value;
    }
}
