package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trdcds.audit.AuditCases;
import org.trdcds.audit.PatientLinks;
import org.trdcds.audit.ServiceModes;

/**
 * Case review (admin only). {@code GET /admin/shadow}: the cards services in shadow mode would have shown, per
 * topic, indicator and week, and the cases to chart-review (newest first; filter by topic, indicator, patient);
 * {@code GET /admin/shadow.csv}: the same cases as CSV. {@code GET /admin/feedback/cases}: the live cards behind a
 * topic, the overridden critical cards first. A patient is searched by the FHIR id typed in: the page computes its
 * link (cds.audit.patient-link), so the store never needs the id.
 */
@Controller
public class AuditPages {

    static final int PAGE_ROWS = 500;
    static final int WEEKS = 12;
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,99}");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final AuditCases cases;
    private final PatientLinks links;
    private final ServiceModes modes;

    public AuditPages(AuditCases cases, PatientLinks links, ServiceModes modes) {
        this.cases = cases;
        this.links = links;
        this.modes = modes;
    }

    @GetMapping(path = "/admin/shadow")
    public ResponseEntity<String> shadow(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String patient) {
        String problem = problem(topic, indicator, patient);
        if (problem != null) {
            return refused(problem);
        }
        AuditCases.Filter filter = new AuditCases.Filter(true, topic, indicator, link(patient));
        StringBuilder out = new StringBuilder("<h1>Shadow mode</h1><p>Cards the service would have shown while a "
                + "service runs in shadow mode (<code>cds.services.&lt;id&gt;.mode=shadow</code>): the EHR showed "
                + "nothing. Chart-review the cases below before switching a service to live.</p>");
        out.append("<table id=\"service-modes\"><tr><th>Service</th><th>Mode</th></tr>");
        modes.services()
                .keySet()
                .forEach(id -> out.append("<tr><td><code>")
                        .append(esc(id))
                        .append("</code></td><td>")
                        .append(esc(modes.mode(id).name().toLowerCase()))
                        .append("</td></tr>"));
        out.append("<tr><td colspan=\"2\" class=\"muted\">every other service: live</td></tr></table>");
        weeks(out, cases.perWeek(true, Instant.now(), WEEKS));
        filterForm(out, "/admin/shadow", topic, indicator, patient);
        out.append("<p><a id=\"csv\" href=\"/admin/shadow.csv")
                .append(query(topic, indicator, patient))
                .append("\">Download these cases as CSV</a> (up to ")
                .append(AuditCases.MAX_ROWS)
                .append(")</p>");
        caseTable(out, cases.cases(filter, false, PAGE_ROWS));
        return html("Shadow mode", out);
    }

    @GetMapping(path = "/admin/shadow.csv")
    public ResponseEntity<String> shadowCsv(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String patient) {
        String problem = problem(topic, indicator, patient);
        if (problem != null) {
            return refused(problem);
        }
        StringBuilder csv = new StringBuilder(
                "issued_at,service,hook,topic,indicator,patient_link,encounter_link," + "knowledge_version,card\r\n");
        for (AuditCases.Case c :
                cases.cases(new AuditCases.Filter(true, topic, indicator, link(patient)), false, AuditCases.MAX_ROWS)) {
            csv.append(String.join(
                            ",",
                            csv(c.issuedAt()),
                            csv(c.serviceId()),
                            csv(c.hook()),
                            csv(c.topic()),
                            csv(c.indicator()),
                            csv(c.patientLink()),
                            csv(c.encounterLink()),
                            csv(c.knowledgeVersion()),
                            csv(c.cardUuid())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"shadow-cases.csv\"")
                .body(csv.toString());
    }

    @GetMapping(path = "/admin/feedback/cases")
    public ResponseEntity<String> feedbackCases(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String patient) {
        String problem = problem(topic, indicator, patient);
        if (problem != null) {
            return refused(problem);
        }
        StringBuilder out = new StringBuilder("<h1>Cases behind the cards</h1><p>Cards the EHR showed, the "
                        + "overridden critical cards first, then newest first; the patient as the audit link "
                        + "(<code>cds.audit.patient-link=")
                .append(esc(links.mode().name().toLowerCase()))
                .append("</code>).</p>");
        filterForm(out, "/admin/feedback/cases", topic, indicator, patient);
        caseTable(out, cases.cases(new AuditCases.Filter(false, topic, indicator, link(patient)), true, PAGE_ROWS));
        return html("Cases behind the cards", out);
    }

    private String link(String patient) {
        return patient == null || patient.isEmpty() ? null : links.link(patient);
    }

    private static String problem(String topic, String indicator, String patient) {
        if (topic != null && !topic.isEmpty() && !WORD.matcher(topic).matches()) {
            return "topic must be a card topic code (lower-case letters, digits and '-', at most 100)";
        }
        if (indicator != null
                && !indicator.isEmpty()
                && !List.of("info", "warning", "critical").contains(indicator)) {
            return "indicator must be info, warning or critical";
        }
        if (patient != null && !patient.isEmpty() && !FHIR_ID.matcher(patient).matches()) {
            return "patient must be a FHIR id (letters, digits, '-' and '.', at most 64)";
        }
        return null;
    }

    private static void weeks(StringBuilder out, List<AuditCases.WeekCount> counts) {
        out.append("<h2>Would-be cards per week</h2>");
        if (counts.isEmpty()) {
            out.append("<p id=\"no-shadow-cards\">No shadow card in the last ")
                    .append(WEEKS)
                    .append(" weeks.</p>");
            return;
        }
        Map<String, Map<Instant, Long>> rows = new TreeMap<>();
        Map<Instant, Boolean> weeks = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (AuditCases.WeekCount c : counts) {
            rows.computeIfAbsent(c.topic() + " · " + c.indicator(), k -> new LinkedHashMap<>())
                    .put(c.weekStart(), c.count());
            weeks.put(c.weekStart(), true);
        }
        out.append("<table id=\"shadow-weeks\"><tr><th>Topic · indicator</th>");
        weeks.keySet()
                .forEach(w -> out.append("<th>week from ")
                        .append(LocalDate.ofInstant(w, ZoneOffset.UTC))
                        .append("</th>"));
        out.append("</tr>");
        rows.forEach((key, perWeek) -> {
            out.append("<tr><td>").append(esc(key)).append("</td>");
            weeks.keySet()
                    .forEach(w -> out.append("<td class=\"n\">")
                            .append(perWeek.getOrDefault(w, 0L))
                            .append("</td>"));
            out.append("</tr>");
        });
        out.append("</table>");
    }

    private static void filterForm(StringBuilder out, String action, String topic, String indicator, String patient) {
        out.append("<form method=\"get\" action=\"")
                .append(action)
                .append("\"><label>Topic <input name=\"topic\" " + "value=\"")
                .append(esc(topic))
                .append("\"></label> <label>Indicator <input name=\"indicator\" " + "value=\"")
                .append(esc(indicator))
                .append("\"></label> <label>Patient FHIR id <input " + "name=\"patient\" value=\"")
                .append(esc(patient))
                .append("\"></label> <button>Filter</button>" + "</form>");
    }

    private static void caseTable(StringBuilder out, List<AuditCases.Case> list) {
        out.append("<h2>Cases (")
                .append(list.size())
                .append(list.size() >= PAGE_ROWS ? ", the first " + PAGE_ROWS : "")
                .append(")</h2>");
        out.append("<table id=\"cases\"><tr><th>Issued</th><th>Service · hook</th><th>Topic</th><th>Indicator</th>"
                + "<th>Patient link</th><th>Encounter link</th><th>Outcome</th><th>Knowledge</th></tr>");
        for (AuditCases.Case c : list) {
            out.append("<tr class=\"case\"><td>")
                    .append(esc(c.issuedAt()))
                    .append("</td><td>")
                    .append(esc(c.serviceId()))
                    .append("<br>")
                    .append(esc(c.hook()))
                    .append("</td><td><code>")
                    .append(esc(c.topic()))
                    .append("</code></td><td><span class=\"badge ")
                    .append(esc(c.indicator()))
                    .append("\">")
                    .append(esc(c.indicator()))
                    .append("</span></td><td><code class=\"link\">")
                    .append(esc(c.patientLink()))
                    .append("</code></td><td><code class=\"link\">")
                    .append(esc(c.encounterLink()))
                    .append("</code></td><td>")
                    .append(esc(c.outcome() == null ? "—" : c.outcome()))
                    .append(c.overrideCode() == null ? "" : " (" + esc(c.overrideCode()) + ")")
                    .append("</td><td>")
                    .append(esc(c.knowledgeVersion()))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private static String query(String topic, String indicator, String patient) {
        StringBuilder q = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("topic", topic);
        params.put("indicator", indicator);
        params.put("patient", patient);
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(esc(value));
            }
        });
        return q.toString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused (spreadsheets). */
    static String csv(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static ResponseEntity<String> html(String title, StringBuilder body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Html.CONTENT_TYPE))
                .body(Html.page(title, body.toString()));
    }

    private static ResponseEntity<String> refused(String problem) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\": \"" + problem.replace("\"", "'") + "\"}");
    }
}
