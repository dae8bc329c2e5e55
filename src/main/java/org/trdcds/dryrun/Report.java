package org.trdcds.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** summary.json and report.html (self-contained: inline CSS and SVG, no scripts, no external assets). */
final class Report {

    static final String NAME_RECOGNITION = "this version's knowledge recognises records by code only (no name "
            + "recognition), so no record is recognised by name";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_HTML_ROWS = 300;

    private Report() {}

    static Map<String, Object> summary(
            long patients,
            String asOf,
            String knowledgeVersion,
            Map<String, Tally.Counts> byTopic,
            Coverage coverage,
            Map<String, Object> run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("patients", patients);
        summary.put("asOf", asOf);
        summary.put("knowledgeVersion", knowledgeVersion);
        Map<String, Object> topics = new LinkedHashMap<>();
        byTopic.forEach((topic, counts) ->
                topics.put(topic, Map.of("patients", counts.patients(), "indicator", indicators(counts))));
        summary.put("cardsByTopic", topics);
        summary.put("unrecognised", coverage.unrecognised());
        summary.put("recognisedByName", List.of());
        summary.put("recognisedByNameNote", NAME_RECOGNITION);
        summary.put("unreadable", coverage.unreadable());
        summary.putAll(run);
        return summary;
    }

    private static Map<String, Long> indicators(Tally.Counts counts) {
        Map<String, Long> indicator = new LinkedHashMap<>();
        indicator.put("info", counts.info());
        indicator.put("warning", counts.warning());
        indicator.put("critical", counts.critical());
        return indicator;
    }

    static void writeSummary(Path file, Map<String, Object> summary) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    @SuppressWarnings("unchecked")
    static void writeHtml(Path file, Map<String, Object> summary, Map<String, Tally.Counts> byTopic)
            throws IOException {
        long patients = ((Number) summary.get("patients")).longValue();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Go-live dry run</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
                .append("text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".info{fill:#3572b0}.warning{fill:#e0a000}.critical{fill:#c0392b}small{color:#666}")
                .append("</style></head><body><h1>Go-live dry run</h1><p>")
                .append(String.format(
                        Locale.ROOT,
                        "%,d patients decided as of <b>%s</b> with knowledge version " + "<b>%s</b>, in %s s.",
                        patients,
                        esc(summary.get("asOf")),
                        esc(summary.get("knowledgeVersion")),
                        esc(summary.get("elapsedSeconds"))))
                .append(" Each patient was decided as the patient-view hook would decide on opening the chart at that"
                        + " instant. Rates are per 1,000 patients of the export.</p>");
        h.append("<h2>Cards per topic</h2>").append(legend());
        h.append("<table><tr><th>topic</th><th>patients</th><th>per 1,000</th><th>info</th><th>warning</th>"
                + "<th>critical</th><th>cards per 1,000 patients, by indicator</th></tr>");
        double max = byTopic.values().stream()
                .mapToDouble(c -> perThousand(c.cards(), patients))
                .max()
                .orElse(1);
        byTopic.forEach((topic, c) -> h.append("<tr><td>")
                .append(esc(topic))
                .append("</td>")
                .append(num(c.patients()))
                .append("<td class=\"n\">")
                .append(rate(c.patients(), patients))
                .append("</td>")
                .append(countAndRate(c.info(), patients))
                .append(countAndRate(c.warning(), patients))
                .append(countAndRate(c.critical(), patients))
                .append("<td>")
                .append(bar(c, patients, max))
                .append("</td></tr>"));
        h.append("</table>");
        if (byTopic.isEmpty()) {
            h.append("<p>No patient got a card.</p>");
        }
        List<Map<String, Object>> unrecognised = (List<Map<String, Object>>) summary.get("unrecognised");
        h.append("<h2>Codes the knowledge does not hold that look relevant</h2><p>")
                .append(unrecognised.size())
                .append(" codes, most frequent first. A code here is read by no value set: a record carrying only this"
                        + " code gets no card for that concept. Review each with the value set named.</p>");
        table(h, unrecognised, List.of("count", "resourceType", "system", "code", "display", "nearConcept", "because"));
        h.append("<h2>Records recognised only by name</h2><p>")
                .append(esc(summary.get("recognisedByNameNote")))
                .append(".</p>");
        List<Map<String, Object>> unreadable = (List<Map<String, Object>>) summary.get("unreadable");
        h.append("<h2>Records that could not be read</h2><p>Each was counted and skipped; the run went on.</p>");
        table(h, unreadable, List.of("count", "resourceType", "reason", "examples"));
        h.append("<h2>Run</h2><table>");
        for (String key : List.of(
                "resourcesRead",
                "observationsAndProceduresNotQueried",
                "medicationByReferenceOnly",
                "droppedOverCap",
                "maxResourcesPerPatient",
                "ignoredFiles",
                "elapsedSeconds",
                "peakHeapMB")) {
            h.append("<tr><th>")
                    .append(esc(key))
                    .append("</th><td>")
                    .append(esc(summary.get(key)))
                    .append("</td></tr>");
        }
        h.append("</table></body></html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder h, List<Map<String, Object>> rows, List<String> columns) {
        if (rows.isEmpty()) {
            h.append("<p>None.</p>");
            return;
        }
        h.append("<table><tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        rows.stream().limit(MAX_HTML_ROWS).forEach(row -> {
            h.append("<tr>");
            columns.forEach(c -> h.append(c.equals("count") ? "<td class=\"n\">" : "<td>")
                    .append(
                            c.equals("count")
                                    ? String.format(Locale.ROOT, "%,d", (Number) row.get(c))
                                    : esc(row.get(c)))
                    .append("</td>"));
            h.append("</tr>");
        });
        h.append("</table>");
        if (rows.size() > MAX_HTML_ROWS) {
            h.append("<p><small>")
                    .append(rows.size() - MAX_HTML_ROWS)
                    .append(" more rows in summary.json.</small></p>");
        }
    }

    private static String legend() {
        StringBuilder s = new StringBuilder("<p><small>");
        for (String indicator : Tally.INDICATORS) {
            s.append("<svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect class=\"")
                    .append(indicator)
                    .append("\" width=\"12\" height=\"12\"/></svg> ")
                    .append(indicator)
                    .append(" &nbsp; ");
        }
        return s.append("</small></p>").toString();
    }

    /** One horizontal bar, stacked by indicator, scaled to the largest topic. */
    private static String bar(Tally.Counts c, long patients, double max) {
        int width = 240;
        StringBuilder s = new StringBuilder("<svg width=\"" + (width + 60) + "\" height=\"16\" role=\"img\" "
                + "aria-label=\"" + rate(c.cards(), patients) + " cards per 1,000 patients\">");
        double x = 0;
        long[] values = {c.info(), c.warning(), c.critical()};
        for (int i = 0; i < values.length; i++) {
            double w = max <= 0 ? 0 : perThousand(values[i], patients) / max * width;
            if (w > 0) {
                s.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"%s\" x=\"%.1f\" y=\"2\" width=\"%.1f\" " + "height=\"12\"/>",
                        Tally.INDICATORS.get(i),
                        x,
                        Math.max(w, 0.5)));
            }
            x += w;
        }
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"13\" font-size=\"11\">%s</text></svg>",
                x + 4,
                rate(c.cards(), patients)));
        return s.toString();
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "<td class=\"n\">%,d</td>", n);
    }

    private static String countAndRate(long n, long patients) {
        return n == 0
                ? "<td class=\"n\">0</td>"
                : String.format(Locale.ROOT, "<td class=\"n\">%,d <small>(%s)</small></td>", n, rate(n, patients));
    }

    private static double perThousand(long n, long patients) {
        return patients == 0 ? 0 : n * 1000.0 / patients;
    }

    private static String rate(long n, long patients) {
        return String.format(Locale.ROOT, "%.1f", perThousand(n, patients));
    }

    static String esc(Object value) {
        String text = value == null ? "" : value.toString();
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
