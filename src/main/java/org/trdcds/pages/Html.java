package org.trdcds.pages;

/** Server-rendered HTML: escaping and the one page layout (plain CSS, no script). */
final class Html {

    static final String CONTENT_TYPE = "text/html;charset=UTF-8";

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;\
            background:#f6f7f9}
            header{background:#24324a;color:#fff;padding:.6rem 1.5rem}header a{color:#dfe8ff;margin-right:1rem}
            main{max-width:68rem;margin:0 auto;padding:1rem 1.5rem 3rem}
            h1{font-size:1.5rem;margin:.8rem 0 .3rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;\
            border-bottom:1px solid #d5d9e0}h3{font-size:1.05rem;margin:1.1rem 0 .3rem}
            table{border-collapse:collapse;margin:.4rem 0 .8rem;background:#fff}
            th,td{border:1px solid #d5d9e0;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#eef1f5}td.n{text-align:right;font-variant-numeric:tabular-nums}
            code{font-size:.9em;background:#eef1f5;padding:0 .2em}
            details summary{cursor:pointer;color:#2b5db0}td.codes{min-width:16rem}
            .code-list{max-height:14rem;overflow:auto;font-size:.85em;word-break:break-word}.muted{color:#5d6677}code.link{word-break:break-all;font-size:.8em}
            section.topic{background:#fff;border:1px solid #d5d9e0;padding:.2rem 1rem .6rem;margin:.8rem 0}
            .card{background:#fff;border:1px solid #d5d9e0;border-left:6px solid #7a8599;padding:.4rem 1rem;\
            margin:.6rem 0}
            .card.info{border-left-color:#2b6cb0}.card.warning{border-left-color:#d69e2e}\
            .card.critical{border-left-color:#c53030}
            .card .summary{font-weight:600}.card .source{font-size:.85em}
            tr.example>td{background:#f6f7f9;border-top:none;padding:.1rem .8rem .5rem}            tr.example .card{margin:.2rem 0}.error{color:#c53030;font-weight:600}
            .badge{display:inline-block;font-size:.75em;padding:0 .4em;border-radius:3px;color:#fff;\
            background:#7a8599;text-transform:uppercase}
            .badge.info{background:#2b6cb0}.badge.warning{background:#b7791f}.badge.critical{background:#c53030}
            button{font:inherit;margin:.2rem .3rem .2rem 0;padding:.15rem .6rem;border:1px solid #2b5db0;\
            background:#fff;color:#2b5db0;border-radius:3px}
            """;

    private Html() {}

    /** Text as HTML text or attribute value: &amp; &lt; &gt; &quot; &#39; escaped; null as the empty string. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An http(s) link, or the escaped label alone when the URL is not http(s). */
    static String link(String url, String label) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return esc(label);
        }
        return "<a href=\"" + esc(url) + "\">" + esc(label) + "</a>";
    }

    /** A whole page: title, the navigation between the pages, the body (already HTML). */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body>"
                + "<header><a href=\"/protocol\">Protocol</a><a href=\"/admin/knowledge\">Knowledge</a>"
                + "<a href=\"/admin/feedback\">Feedback</a><a href=\"/admin/shadow\">Shadow</a>"
                + "<a href=\"/admin/preview\">Preview</a></header>"
                + "<main>" + body + "</main></body></html>\n";
    }
}
