package org.trdcds.knowledge;

import com.samskivert.mustache.Mustache;

/** The three jmustache compilers of card templates: Markdown detail, plain text, JSON resources. */
final class Compilers {

    /** Whole numbers without ".0"; everything else as toString. */
    private static final Mustache.Formatter NUMBERS =
            value -> value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? Long.toString(d.longValue())
                    : String.valueOf(value);

    static final Mustache.Compiler MARKDOWN = base().withEscaper(new MarkdownEscaper());
    static final Mustache.Compiler PLAIN = base().escapeHTML(false);
    static final Mustache.Compiler JSON = base().withEscaper(new JsonStringEscaper());

    private static Mustache.Compiler base() {
        return Mustache.compiler().defaultValue("unknown").withFormatter(NUMBERS);
    }

    private Compilers() {}
}
