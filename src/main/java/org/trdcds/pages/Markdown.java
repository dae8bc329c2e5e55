package org.trdcds.pages;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Card Markdown -> HTML as an EHR shows it (CommonMark + GFM tables). Raw HTML in the Markdown is escaped, never
 * passed through, and link URLs are sanitised (no javascript:), so record text can never become live markup.
 */
final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private Markdown() {}

    static String html(String markdown) {
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
    }
}
