package org.trdcds.knowledge;

import com.samskivert.mustache.Mustache;

/**
 * Escapes values inserted into Markdown card details: drug names and other text from patient records cannot add
 * emphasis, links, images, HTML, headings, code or table cells, nor start a new line.
 */
final class MarkdownEscaper implements Mustache.Escaper {

    @Override
    public String escape(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String replacement = switch (c) {
                case '\\', '*', '_', '[', ']', '(', ')', '#', '`', '|', '!', '~', '{', '}' -> "\\" + c;
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\n', '\r', '\t' -> " ";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? raw : out.toString();
    }
}
