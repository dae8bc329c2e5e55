package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.OrderParameters;

/**
 * Which draft orders the order hooks check (PROTOCOL-v3 section E, changing v2 section 7): esketamine and TMS always;
 * ketamine when its reason is on the depressive spectrum, or, without a reason, unless it reads as sedation or
 * analgesia (see {@link #inScope}).
 */
final class OrderScope {

    /** An in-scope draft order and its modality. */
    record Scoped(DraftOrder order, Modality modality) {

        /** The modality a contraindication names: esketamine is blocked with ketamine. */
        Modality blockedAs() {
            return modality.blockedAs();
        }

        Object label() {
            return order.text() != null ? order.text() : Details.label(order.codes());
        }
    }

    private OrderScope() {}

    /** The modality of an order, or null when it is neither ketamine, esketamine nor TMS. */
    static Modality modality(DraftOrder order, Terms terms) {
        Modality kind = Courses.kindOf(order.codes(), terms);
        if (kind != null) {
            return kind;
        }
        return terms.any(Modality.TMS.valueSet(), order.codes()) ? Modality.TMS : null;
    }

    /**
     * PROTOCOL-v3 section E. Esketamine and TMS always; ketamine with a reason when the reason is on the depressive
     * spectrum; ketamine without a reason unless, for a patient with no ketamine, esketamine or TMS session within
     * scopeSessionWindowDays and not signed together with a TMS order, it is as-needed, states a duration outside
     * scopeMinMinutes-scopeMaxMinutes, or is a single administration without a duration whose route is not IV or whose
     * dose is above scopeSingleDoseMaxMgPerKg by the latest plausible weight (no weight: that test cannot exclude it).
     *
     * @param withTms  a TMS order is among the draft orders signed together with this one
     * @param weightKg the latest plausible weight, null when none
     */
    /** {@link #inScope} with the call's TMS orders and latest plausible weight, as the order checks judge it. */
    static boolean inScope(DraftOrder order, Modality modality, Assessment a, PatientFacts facts) {
        boolean withTms = false;
        for (DraftOrder other : facts.draftOrders()) {
            withTms |= Modality.TMS.equals(modality(other, a.terms()));
        }
        Double kg = a.weight().ref() == null ? null : a.weight().kg();
        return inScope(
                order, modality, a.terms(), a.courses(), a.terms().knowledge().orderParameters(), a.now(), withTms, kg);
    }

    static boolean inScope(
            DraftOrder order,
            Modality modality,
            Terms terms,
            List<Course> courses,
            OrderParameters o,
            Instant now,
            boolean withTms,
            Double weightKg) {
        if (!Modality.KETAMINE.equals(modality)) {
            return true;
        }
        if (!order.reasons().isEmpty()) {
            return terms.anyOf(Diagnoses.SPECTRUM, order.reasons())
                    || terms.any(Diagnoses.SUICIDE_ATTEMPT, order.reasons());
        }
        if (withTms || recentSession(courses, o.scopeSessionWindowDays(), now)) {
            return true;
        }
        return !notForDepression(order, o, weightKg, terms);
    }

    /** The reasonless order reads as sedation or analgesia (section E), whatever the patient's history. */
    static boolean notForDepression(DraftOrder order, OrderParameters o, Double weightKg, Terms terms) {
        if (!order.doses().isEmpty() && order.doses().stream().allMatch(Dose::asNeeded)) {
            return true;
        }
        Dose dose = DoseCheck.scheduled(order);
        if (dose == null) {
            return false;
        }
        Double minutes = dose.durationMinutes();
        if (minutes != null) {
            return minutes < o.scopeMinMinutes() || minutes > o.scopeMaxMinutes();
        }
        if (!dose.single()) {
            return false;
        }
        if (dose.route() != null && !isRoute(dose.route(), o.ivRoutes())) {
            return true;
        }
        Knowledge.Product product = terms.ingredient(Modality.KETAMINE.valueSet(), order.codes(), null)
                .map(Terms.Ingredient::product)
                .orElse(null);
        Double perKg = DoseCheck.mgPerKg(dose, weightKg, product);
        return perKg != null && perKg > o.scopeSingleDoseMaxMgPerKg() + 1e-9;
    }

    /** The route text (lower case) is one of the listed routes (a comma-separated parameter). */
    static boolean isRoute(String route, String routes) {
        return route != null
                && OrderParameters.items(routes).contains(route.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean recentSession(List<Course> courses, int windowDays, Instant now) {
        Instant from = now.minus(Duration.ofDays(windowDays));
        for (Course c : courses) {
            if (!c.lastDate().isBefore(from)) {
                return true;
            }
        }
        return false;
    }
}
