package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Which draft orders the order hooks check (docs/protocol.md section 5): esketamine and TMS always; ketamine when its
 * reason is on the depressive spectrum, or, without a reason, unless it is explicitly a bolus/short infusion or a
 * long (analgesic) infusion for a patient without a ketamine or TMS course in orderScopeCourseWindowDays.
 */
final class OrderScope {

    /** An in-scope draft order and its modality: "ketamine" (IV racemic), "esketamine" or "TMS". */
    record Scoped(DraftOrder order, String modality) {

        /** The modality a contraindication names: esketamine is blocked with ketamine. */
        String blockedAs() {
            return Courses.TMS_KIND.equals(modality) ? Blocks.TMS : Blocks.KETAMINE;
        }

        String label() {
            return order.text() != null ? order.text() : Details.label(order.codes());
        }
    }

    private OrderScope() {
    }

    /** The modality of an order, or null when it is neither ketamine, esketamine nor TMS. */
    static String modality(DraftOrder order, Terms terms) {
        String kind = Courses.kindOf(order.codes(), terms);
        if (kind != null) {
            return kind;
        }
        return terms.any(Courses.TMS, order.codes()) ? Courses.TMS_KIND : null;
    }

    static boolean inScope(DraftOrder order, String modality, Terms terms, List<Course> courses,
                           ProtocolParameters p, Instant now) {
        if (!Courses.KETAMINE.equals(modality)) {
            return true;
        }
        if (!order.reasons().isEmpty()) {
            return terms.anyOf(Diagnoses.SPECTRUM, order.reasons()) || terms.any(Diagnoses.SUICIDE_ATTEMPT,
                    order.reasons());
        }
        Dose dose = DoseCheck.scheduled(order);
        Double minutes = dose == null ? null : dose.durationMinutes();
        boolean notAnInfusionForDepression = minutes != null
                && (minutes < p.bolusMaxMinutes() || minutes > p.analgesiaMinMinutes());
        return !notAnInfusionForDepression || recentCourse(courses, p, now);
    }

    private static boolean recentCourse(List<Course> courses, ProtocolParameters p, Instant now) {
        Instant from = now.minus(Duration.ofDays(p.orderScopeCourseWindowDays()));
        for (Course c : courses) {
            if (!c.lastDate().isBefore(from)) {
                return true;
            }
        }
        return false;
    }
}
