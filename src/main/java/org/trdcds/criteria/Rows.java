package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table rows of trials and courses for {@link Finding#details()}. */
final class Rows {

    private Rows() {}

    static List<Map<String, Object>> trials(List<TrialAssessment> assessments) {
        List<Map<String, Object>> rows = new ArrayList<>(assessments.size());
        for (TrialAssessment a : assessments) {
            Trial t = a.trial();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("drug", t.name());
            row.put("dailyDoseMg", Details.round(t.maxDailyMg()));
            row.put(
                    "minimumDoseMg",
                    a.adequacy().minimum() == null
                            ? null
                            : a.adequacy().minimum().mgPerDay());
            row.put(
                    "minimumDoseStatus",
                    a.adequacy().minimum() == null
                            ? null
                            : a.adequacy().minimum().status());
            row.put(
                    "minimumDosePending",
                    a.adequacy().minimum() != null
                            && pending(a.adequacy().minimum().status()));
            row.put("start", Details.date(t.start()));
            row.put("end", t.ongoing() ? "ongoing" : Details.date(t.end()));
            row.put("weeks", t.segments().isEmpty() ? null : t.knownDays() / 7);
            row.put("oneWeek", !t.segments().isEmpty() && t.knownDays() / 7 == 1);
            row.put("adequacy", a.adequacy().status().name().toLowerCase());
            row.put("adequacyReason", a.adequacy().reason());
            row.put("failure", a.failure().status().name().toLowerCase().replace('_', '-'));
            row.put("failedBy", a.failure().how());
            row.put("failureReason", a.failure().reason());
            row.put("refs", String.join(", ", t.refs()));
            rows.add(row);
        }
        return rows;
    }

    /** A dose-table row is pending until its status says "reviewed" (the cards footnote pending minimum doses). */
    static boolean pending(String status) {
        return status != null && !status.isBlank() && !status.equals("reviewed");
    }

    static List<String> trialRefs(List<TrialAssessment> assessments) {
        List<String> refs = new ArrayList<>();
        for (TrialAssessment a : assessments) {
            refs.addAll(a.trial().refs());
            if (a.failure().change() != null) {
                refs.add(a.failure().change().baseline().ref());
                refs.add(a.failure().change().latest().ref());
            }
        }
        return refs;
    }

    static Map<String, Object> course(Course c, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", c.kind().courseKind());
        row.put("start", Details.date(c.start()));
        row.put("end", c.active() ? "ongoing" : Details.date(c.lastDate()));
        long weeks = Duration.between(c.start(), c.lastDate().isAfter(now) ? now : c.lastDate())
                        .toDays()
                / 7;
        row.put("weeks", weeks);
        row.put("oneWeek", weeks == 1);
        Scores.Change change = c.change();
        row.put("baseline", change == null ? null : Details.score(change.baseline()));
        row.put("latest", change == null ? null : Details.score(change.latest()));
        row.put("changePercent", change == null ? null : Details.percent(change.reduction()));
        row.put("increase", change != null && change.reduction() < 0);
        row.put("changeAbsPercent", change == null ? null : Details.percent(Math.abs(change.reduction())));
        row.put("responded", c.responded());
        row.put(
                "outcome",
                change == null
                        ? Phrase.of("course.noDocumentedResponse")
                        : c.responded()
                                ? Phrase.of("course.response")
                                : Phrase.of(
                                        "course.noResponse",
                                        "scale",
                                        change.latest().scaleLabel(),
                                        "baseline",
                                        Details.number(change.baseline().value()),
                                        "latest",
                                        Details.number(change.latest().value())));
        row.put("refs", String.join(", ", c.refs()));
        return row;
    }

    static List<String> courseRefs(Course c) {
        List<String> refs = c.refs();
        if (c.change() != null) {
            refs.add(c.change().baseline().ref());
            refs.add(c.change().latest().ref());
        }
        return refs;
    }
}
