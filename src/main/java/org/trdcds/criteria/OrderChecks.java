package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.terminology.ProtocolParameters;

/** The order-sign / order-select findings of PROTOCOL.md section 5, for selected draft ketamine and TMS orders. */
final class OrderChecks {

    private static final double EPSILON = 1e-9;

    private final ProtocolParameters p;
    private final Safety safety;

    OrderChecks(ProtocolParameters parameters, Safety safety) {
        this.p = parameters;
        this.safety = safety;
    }

    List<Finding> decide(Assessment a, PatientFacts facts) {
        List<DraftOrder> ketamine = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean tms = false;
        for (DraftOrder order : facts.draftOrders()) {
            if (!order.selected()) {
                continue;
            }
            boolean isKetamine = Courses.KETAMINE.equals(Courses.kindOf(order.codes(), a.terms()));
            boolean isTms = !isKetamine && a.terms().any(Courses.TMS, order.codes());
            if (isKetamine || isTms) {
                refs.add(order.ref());
                labels.add(order.text() != null ? order.text() : Details.label(order.codes()));
                if (isKetamine) {
                    ketamine.add(order);
                }
                tms |= isTms;
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (refs.isEmpty()) {
            return findings;
        }
        findings.addAll(safety.assess(a.diagnoses(), facts.observations(), a.bloodPressure(), a.terms(), a.now(),
                refs));
        if (a.trd().status() != Trd.Status.ESTABLISHED) {
            findings.add(notFirstLine(a, refs));
        }
        for (DraftOrder order : ketamine) {
            if (a.weight() == null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("weightWindowDays", p.weightWindowDays());
                d.put("draftOrderRef", order.ref());
                findings.add(new Finding(Topics.WEIGHT_MISSING, d, List.of(order.ref())));
            } else {
                Finding check = doseCheck(order, a.weight());
                if (check != null) {
                    findings.add(check);
                }
            }
        }
        if (a.baseline() == null) {
            findings.add(Screening.baselineMissing(p, a, refs));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("orders", String.join("; ", labels));
        d.put("ketamine", !ketamine.isEmpty());
        d.put("tms", tms);
        d.put("draftOrderRefs", refs);
        findings.add(new Finding(Topics.SESSION_MONITORING, d, refs));
        return findings;
    }

    private Finding notFirstLine(Assessment a, List<String> refs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("trdStatus", a.trd().status() == Trd.Status.UNKNOWN ? "unknown" : "not established");
        d.put("trials", Rows.trials(a.trd().failed()));
        d.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        d.put("failedCount", a.trd().failed().size());
        d.put("minFailedTrials", p.minFailedTrials());
        d.put("adequateTrialDays", p.adequateTrialDays());
        d.put("failureDefinition", p.failureDefinition());
        d.put("draftOrderRefs", refs);
        List<String> evidence = new ArrayList<>(refs);
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        evidence.addAll(Rows.trialRefs(a.trd().uncertain()));
        return new Finding(Topics.NOT_FIRST_LINE, d, evidence);
    }

    /** Null when the ordered dose and infusion time are within the protocol. */
    Finding doseCheck(DraftOrder order, Weight.Result weight) {
        double target = p.ketamineMgPerKg() * weight.kg();
        Double ordered = orderedMg(order.dose(), weight.kg());
        boolean doseOff = ordered == null || Math.abs(ordered - target) > p.doseTolerance() * target + EPSILON;
        Double minutes = order.dose() == null ? null : order.dose().durationMinutes();
        boolean durationOff = minutes == null || minutes < p.infusionMinMinutes() || minutes > p.infusionMaxMinutes();
        if (!doseOff && !durationOff) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draftOrderRef", order.ref());
        d.put("order", order.text() != null ? order.text() : Details.label(order.codes()));
        d.put("orderedDoseMg", Details.round(ordered));
        d.put("orderedMinutes", minutes);
        d.put("weightKg", Details.round(weight.kg()));
        d.put("weightDate", Details.date(weight.at()));
        d.put("ketamineMgPerKg", p.ketamineMgPerKg());
        d.put("suggestedDoseMg", Details.round(target));
        d.put("suggestedMinutes", durationOff ? p.infusionMinMinutes() : minutes.intValue());
        d.put("deviationPercent", ordered == null ? null : Math.round(Math.abs(ordered - target) / target * 100));
        d.put("tolerancePercent", Details.wholePercent(p.doseTolerance()));
        d.put("infusionMinMinutes", p.infusionMinMinutes());
        d.put("infusionMaxMinutes", p.infusionMaxMinutes());
        d.put("doseOff", doseOff);
        d.put("durationOff", durationOff);
        return new Finding(Topics.KETAMINE_DOSE_CHECK, d, List.of(order.ref(), weight.ref()));
    }

    /** mg per administration; a mg/kg dose is multiplied by the weight. */
    private static Double orderedMg(Dose dose, double kg) {
        if (dose != null && dose.value() != null && "mg/kg".equalsIgnoreCase(dose.unit())) {
            return dose.value() * kg;
        }
        return DailyDose.perAdministrationMg(dose, null);
    }
}
