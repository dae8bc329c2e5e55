package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.terminology.ProtocolParameters;

/**
 * The order-sign / order-select findings of docs/protocol.md section 5 (version 2), for the selected, in-scope draft
 * ketamine, esketamine and TMS orders. A contraindication deletes only orders of the modality it blocks; a blocked
 * order gets no weight, monitoring or dose-deviation card (a dose above the ceiling is always stated).
 */
final class OrderChecks {

    private final ProtocolParameters p;
    private final Safety safety;
    private final Blocks blocks;
    private final DoseCheck doseCheck;

    OrderChecks(ProtocolParameters parameters, Safety safety, Blocks blocks) {
        this.p = parameters;
        this.safety = safety;
        this.blocks = blocks;
        this.doseCheck = new DoseCheck(parameters);
    }

    List<Finding> decide(Assessment a, PatientFacts facts) {
        List<OrderScope.Scoped> scoped = new ArrayList<>();
        for (DraftOrder order : facts.draftOrders()) {
            String modality = order.selected() ? OrderScope.modality(order, a.terms()) : null;
            if (modality != null && OrderScope.inScope(order, modality, a.terms(), a.courses(), p, a.now())) {
                scoped.add(new OrderScope.Scoped(order, modality));
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (scoped.isEmpty()) {
            return findings;
        }
        List<String> refs = new ArrayList<>();
        Set<String> blockable = new LinkedHashSet<>();
        for (OrderScope.Scoped s : scoped) {
            refs.add(s.order().ref());
            blockable.add(s.blockedAs());
        }
        if (a.suicide().finding() != null) {
            findings.add(Safety.forOrders(a.suicide().finding(), refs, List.of()));
        }
        if (a.minor()) {
            return findings;
        }
        Set<String> blocked = new LinkedHashSet<>();
        for (Finding f : safety.assess(a, facts)) {
            Set<String> modalities = blocks.of(f);
            if (!modalities.isEmpty()) {
                List<String> deletes = new ArrayList<>();
                for (String modality : modalities) {
                    if (blockable.contains(modality)) {
                        deletes.addAll(refsOf(scoped, modality));
                        blocked.add(modality);
                    }
                }
                if (!deletes.isEmpty()) {
                    findings.add(Safety.forOrders(f, refs, deletes));
                }
            } else if (blocks.concerns(f.topic()) == null || blockable.contains(blocks.concerns(f.topic()))) {
                findings.add(Safety.forOrders(f, refs, List.of()));
            }
        }
        if (a.trd().status() != Trd.Status.ESTABLISHED) {
            findings.add(notFirstLine(a, refs));
        }
        for (OrderScope.Scoped s : scoped) {
            if (!Courses.KETAMINE.equals(s.modality())) {
                continue;
            }
            boolean isBlocked = blocked.contains(Blocks.KETAMINE);
            Weight.Result weight = a.weight().ref() == null ? null : a.weight();
            if (weight == null && !isBlocked) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("weightWindowDays", p.weightWindowDays());
                d.put("draftOrderRef", s.order().ref());
                d.put("ignoredWeights", a.weight().ignored());
                d.put("weightMinKg", Details.number(p.weightMinKg()));
                d.put("weightMaxKg", Details.number(p.weightMaxKg()));
                findings.add(new Finding(Topics.WEIGHT_MISSING, d, List.of(s.order().ref())));
            }
            Finding check = doseCheck.check(s.order(), weight, isBlocked, a.terms()
                    .ingredient(Courses.KETAMINE, s.order().codes(), null).map(Terms.Ingredient::product).orElse(null));
            if (check != null) {
                findings.add(check);
            }
        }
        if (a.baseline() == null) {
            findings.add(Screening.baselineMissing(p, a, refs));
        }
        Finding olderAdult = safety.olderAdults(a, facts, scoped);
        if (olderAdult != null) {
            findings.add(olderAdult);
        }
        Finding monitoring = monitoring(a, scoped, blocked);
        if (monitoring != null) {
            findings.add(monitoring);
        }
        return findings;
    }

    private static List<String> refsOf(List<OrderScope.Scoped> scoped, String blockedModality) {
        List<String> refs = new ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            if (s.blockedAs().equals(blockedModality)) {
                refs.add(s.order().ref());
            }
        }
        return refs;
    }

    /** Once per course and per modality: only orders of a modality with no session in the last courseGapDays. */
    private Finding monitoring(Assessment a, List<OrderScope.Scoped> scoped, Set<String> blocked) {
        Instant recent = a.now().minus(Duration.ofDays(p.courseGapDays()));
        Set<String> modalities = new LinkedHashSet<>();
        List<String> refs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            if (blocked.contains(s.blockedAs()) || sessionSince(a.courses(), s.modality(), recent)) {
                continue;
            }
            modalities.add(s.modality());
            refs.add(s.order().ref());
            labels.add(s.label());
        }
        if (refs.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("orders", String.join("; ", labels));
        d.put("ketamine", modalities.contains(Courses.KETAMINE));
        d.put("esketamine", modalities.contains(Courses.ESKETAMINE));
        d.put("tms", modalities.contains(Courses.TMS_KIND));
        d.put("coincident", modalities.contains(Courses.KETAMINE) && modalities.contains(Courses.TMS_KIND));
        d.put("courseGapDays", p.courseGapDays());
        d.put("draftOrderRefs", refs);
        return new Finding(Topics.SESSION_MONITORING, d, refs);
    }

    private static boolean sessionSince(List<Course> courses, String modality, Instant from) {
        for (Course c : courses) {
            if (c.kind().equals(modality) && !c.lastDate().isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    private Finding notFirstLine(Assessment a, List<String> refs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("trdStatus", a.trd().status() == Trd.Status.UNKNOWN ? "unknown" : "not established");
        d.put("trials", Rows.trials(a.trd().failed()));
        d.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        d.put("failedCount", a.trd().failed().size());
        d.put("minFailedTrials", p.minFailedTrials());
        d.put("adequateTrialDays", p.adequateTrialDays());
        d.put("trdWindowDays", p.trdWindowDays());
        d.put("bipolarPathway", a.trd().bipolar());
        d.put("failureDefinition", p.failureDefinition());
        d.put("draftOrderRefs", refs);
        List<String> evidence = new ArrayList<>(refs);
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        evidence.addAll(Rows.trialRefs(a.trd().uncertain()));
        return new Finding(Topics.NOT_FIRST_LINE, d, evidence);
    }
}
