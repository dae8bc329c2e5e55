package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.knowledge.MedicationRecognition;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Topic order-check-incomplete (PROTOCOL-v3 section A): an in-scope draft order whose check could not be completed
 * says what is missing. One finding per order: ketamine without a usable mg dose and no strength to convert it (when
 * no dose card states what was ordered), racemic ketamine by a route other than IV, esketamine by a route other than
 * nasal, TMS named but not coded (CPT 90867-90869), a medication order whose reference could not be resolved and that
 * nothing else identifies, and an order identified by its name only when no other card is shown for it. An order a
 * contraindication deletes gets none (the delete says enough).
 */
final class IncompleteOrders {

    private IncompleteOrders() {}

    /** The findings with the order-check-incomplete findings appended (the decision's own list is not changed). */
    static List<Finding> append(List<Finding> findings, Assessment a, PatientFacts facts, ProtocolParameters p) {
        if (a.minor() || facts.draftOrders().isEmpty()) {
            return findings;
        }
        MedicationRecognition recognition = a.terms().knowledge().medicationRecognition();
        Set<String> deleted = new HashSet<>();
        Set<String> shown = new HashSet<>();
        Set<String> doseStated = new HashSet<>();
        for (Finding f : findings) {
            shown.addAll(f.evidence());
            if (f.details().get("draftOrderRefs") instanceof List<?> refs
                    && Boolean.TRUE.equals(f.details().get("deletes"))) {
                refs.forEach(r -> deleted.add(String.valueOf(r)));
            }
            if (Topics.KETAMINE_DOSE_CHECK.equals(f.topic()) && f.details().get("draftOrderRef") != null) {
                doseStated.add(String.valueOf(f.details().get("draftOrderRef")));
            }
        }
        List<Finding> all = new ArrayList<>(findings);
        for (DraftOrder order : facts.draftOrders()) {
            if (!order.selected() || deleted.contains(order.ref())) {
                continue;
            }
            Modality modality = OrderScope.modality(order, a.terms());
            Map<String, Object> d;
            if (modality == null) {
                d = order.recognition().unresolvedReference() == null ? null : unresolved(order);
            } else if (!OrderScope.inScope(order, modality, a, facts)) {
                d = null;
            } else {
                d = reasons(
                        order,
                        modality,
                        recognition,
                        a.terms(),
                        doseStated.contains(order.ref()),
                        shown.contains(order.ref()));
            }
            if (d != null) {
                all.add(new Finding(Topics.ORDER_CHECK_INCOMPLETE, d, List.of(order.ref())));
            }
        }
        return all;
    }

    private static Map<String, Object> reasons(
            DraftOrder order,
            Modality modality,
            MedicationRecognition recognition,
            Terms terms,
            boolean doseStated,
            boolean otherCard) {
        Map<String, Object> d = base(order);
        boolean any = false;
        String route = route(order);
        if (Modality.KETAMINE.equals(modality)) {
            Dose dose = DoseCheck.scheduled(order);
            var product = terms.ingredient(Modality.KETAMINE.valueSet(), order.codes(), null)
                    .map(Terms.Ingredient::product)
                    .orElse(null);
            boolean usable = dose != null
                    && dose.value() != null
                    && dose.unit() != null
                    && ("mg/kg".equalsIgnoreCase(dose.unit()) || DailyDose.perAdministrationMg(dose, product) != null);
            if (!usable) {
                d.put("noMgDose", true);
                if (!doseStated) {
                    d.put("orderedAs", orderedAs(dose)); // else the dose card states what was ordered
                }
                any = true;
            }
            if (route != null
                    && recognition.intravenousRoutes().size() > 0
                    && !recognition.intravenousRoutes().namedIn(route)) {
                d.put("routeNotIntravenous", true);
                any = true;
            }
        } else if (Modality.ESKETAMINE.equals(modality)) {
            if (route != null
                    && recognition.nasalRoutes().size() > 0
                    && !recognition.nasalRoutes().namedIn(route)) {
                d.put("routeNotNasal", true);
                any = true;
            }
        } else if (Modality.TMS.equals(modality) && order.recognition().byName()) {
            d.put("tmsByName", true);
            any = true;
        }
        if (route != null) {
            d.put("route", route);
        }
        d.put("modality", modality == null ? null : modality.courseKind());
        d.put("ketamine", Modality.KETAMINE.equals(modality));
        d.put("esketamine", Modality.ESKETAMINE.equals(modality));
        d.put("tms", Modality.TMS.equals(modality));
        if (!any && order.recognition().byName() && !otherCard) {
            d.put("identifiedByNameOnly", true);
            any = true;
        }
        return any ? d : null;
    }

    private static Map<String, Object> unresolved(DraftOrder order) {
        Map<String, Object> d = base(order);
        d.put("unresolvedMedication", true);
        return d;
    }

    private static Map<String, Object> base(DraftOrder order) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draftOrderRef", order.ref());
        d.put("order", order.text() != null ? order.text() : Details.label(order.codes()));
        if (order.recognition().byName()) {
            d.put("identifiedByName", List.of(order.recognition().nameText()));
        }
        if (order.recognition().unresolvedReference() != null) {
            d.put("unresolvedReference", order.recognition().unresolvedReference());
        }
        return d;
    }

    /** The route of the instruction that carries the dose, else of any instruction; null when none is stated. */
    private static String route(DraftOrder order) {
        Dose scheduled = DoseCheck.scheduled(order);
        if (scheduled != null && scheduled.route() != null) {
            return scheduled.route();
        }
        for (Dose d : order.doses()) {
            if (d.route() != null) {
                return d.route();
            }
        }
        return null;
    }

    /** What was ordered when it is no mg dose ("1 vial"), as v2's dose card said it. */
    private static Object orderedAs(Dose dose) {
        if (dose == null) {
            return Phrase.of("order.noDoseStated");
        }
        if (dose.value() != null) {
            return Details.number(dose.value()) + (dose.unit() == null ? "" : " " + dose.unit());
        }
        return dose.text() != null ? dose.text() : Phrase.of("order.noDoseStated");
    }
}
