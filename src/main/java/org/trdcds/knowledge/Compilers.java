package org.trdcds.knowledge;

import com.samskivert.mustache.Mustache;

/** The jmustache compilers of card templates: Markdown detail, plain text, JSON resources. */
public final class Compilers {

    /** Whole numbers without ".0"; everything else as toString. */
    private static final Mustache.Formatter NUMBERS =
            value -> value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? Long.toString(d.longValue())
                    : String.valueOf(value);

    static final Mustache.Compiler MARKDOWN = base().withEscaper(new MarkdownEscaper());
    static final Mustache.Compiler PLAIN = base().escapeHTML(false);
    static final Mustache.Compiler JSON = base().withEscaper(new JsonStringEscaper());
    /** Phrases of cds-cards/shared/detail-lines.json: plain text (the card template escapes the result once). */
    public static final Mustache.Compiler PHRASE =
            Mustache.compiler().escapeHTML(false).nullValue("unknown").withFormatter(NUMBERS);

    private static Mustache.Compiler base() {
        return Mustache.compiler().defaultValue("unknown").withFormatter(NUMBERS);
    }

    private Compilers() {}
}
