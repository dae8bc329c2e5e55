package org.trdcds.knowledge;

/**
 * The treatments the protocol decides on (docs/protocol.md): one type for what were three strings — the word of the
 * card templates' {@code blocks} and {@code concerns}, the course kind a card shows, and the value set of
 * fhir-profiles/vocabulary/ that recognises the modality (the one place that maps a modality to its value set).
 */
public enum Modality {
    /** IV racemic ketamine. */
    KETAMINE("ketamine", "ketamine", "ketamine"),
    /** Esketamine nasal spray; blocked together with ketamine. */
    ESKETAMINE("esketamine", "esketamine", "esketamine"),
    /** Transcranial magnetic stimulation. */
    TMS("tms", "TMS", "tms-procedures");

    private final String word;
    private final String courseKind;
    private final String valueSet;

    Modality(String word, String courseKind, String valueSet) {
        this.word = word;
        this.courseKind = courseKind;
        this.valueSet = valueSet;
    }

    /** The word of the templates' {@code blocks} / {@code concerns}: "ketamine" or "tms". */
    public String word() {
        return word;
    }

    /** The course kind a card shows ({@code kind} of a course row). */
    public String courseKind() {
        return courseKind;
    }

    /** The id of the value set that recognises the modality's codes. */
    public String valueSet() {
        return valueSet;
    }

    /** The modality a contraindication names: esketamine is blocked with ketamine. */
    public Modality blockedAs() {
        return this == TMS ? TMS : KETAMINE;
    }

    /**
     * The modality a template's {@code blocks} or {@code concerns} names: "ketamine" (IV ketamine and esketamine) or
     * "tms", case-insensitive; null for "none".
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Modality ofTemplateWord(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        if (w.equals("none")) {
            return null;
        }
        for (Modality m : values()) {
            if (m.blockedAs() == m && m.word.equals(w)) {
                return m;
            }
        }
        throw new IllegalArgumentException(word);
    }
}
