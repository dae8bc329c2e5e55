package org.trdcds.criteria;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;

/** The blood-pressure detail keys of the uncontrolled-hypertension and blood-pressure-elevated cards. */
final class BloodPressureDetails {

    private BloodPressureDetails() {}

    static Map<String, Object> of(BloodPressure.Result bp, ProtocolParameters p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("meanSystolic", Details.round(bp.meanSystolic()));
        d.put("meanDiastolic", Details.round(bp.meanDiastolic()));
        d.put("maxSystolic", Details.round(bp.maxSystolic()));
        d.put("maxDiastolic", Details.round(bp.maxDiastolic()));
        d.put("systolicReadings", bp.systolicCount());
        d.put("diastolicReadings", bp.diastolicCount());
        d.put("excludedReadings", bp.excluded());
        d.put("bloodPressureUncontrolled", bp.uncontrolled());
        d.put("windowDays", p.bloodPressureWindowDays());
        d.put("readings", p.bloodPressureReadings());
        d.put("postSessionExclusionHours", p.postSessionExclusionHours());
        d.put("systolicLimit", Details.number(p.systolicBlockLimit()));
        d.put("diastolicLimit", Details.number(p.diastolicBlockLimit()));
        d.put("systolicWarning", Details.number(p.systolicLimit()));
        d.put("diastolicWarning", Details.number(p.diastolicLimit()));
        d.put("systolicSingleLimit", Details.number(p.systolicSingleLimit()));
        d.put("diastolicSingleLimit", Details.number(p.diastolicSingleLimit()));
        d.put(
                "meanAboveLimit",
                above(bp.meanSystolic(), p.systolicBlockLimit()) || above(bp.meanDiastolic(), p.diastolicBlockLimit()));
        d.put(
                "readingAboveLimit",
                above(bp.maxSystolic(), p.systolicSingleLimit()) || above(bp.maxDiastolic(), p.diastolicSingleLimit()));
        d.put("readingsFrom", Details.date(bp.from()));
        d.put("readingsTo", Details.date(bp.to()));
        return d;
    }

    private static boolean above(Double value, double limit) {
        return value != null && value >= limit;
    }
}
