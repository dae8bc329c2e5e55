package org.trdcds.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The parameters of PROTOCOL-v3 sections C and D (fhir-profiles/knowledge/Parameters-safety-v3.json), apart from the
 * positional {@link ProtocolParameters}.
 *
 * @param pregnancyConditionWindowDays an active pregnancy condition counts when dated in these days (onset is often the
 *                                     last menstrual period)
 * @param pregnancyTestWindowDays      a positive pregnancy test counts when taken in these days
 * @param hcgPositiveIuPerL            total hCG at or above this (IU/L = mIU/mL) is a positive test
 * @param hcgEquivocalFromIuPerL       from this up to the positive limit: equivocal ("repeat the test")
 * @param hcgUnitFactors               unit (UCUM code or unit text) -> factor to IU/L; any other unit cannot be checked
 * @param lactationWindowDays          a breastfeeding condition or observation counts when dated in these days
 * @param olderAdultAgeYears           from this age, a first ketamine or esketamine order of a course gets the caution
 * @param olderAdultNewCourseDays      an order starts a course when no session of its modality is this recent
 * @param suicideRiskHighWords         words of a suicide risk result that mean high or imminent risk
 * @param suicideRiskNotHighWords      words of a readable result that is not high or imminent
 */
public record SafetyParameters(
        int pregnancyConditionWindowDays,
        int pregnancyTestWindowDays,
        double hcgPositiveIuPerL,
        double hcgEquivocalFromIuPerL,
        Map<String, Double> hcgUnitFactors,
        int lactationWindowDays,
        int olderAdultAgeYears,
        int olderAdultNewCourseDays,
        List<String> suicideRiskHighWords,
        List<String> suicideRiskNotHighWords) {

    public SafetyParameters {
        hcgUnitFactors = Map.copyOf(hcgUnitFactors);
        suicideRiskHighWords = List.copyOf(suicideRiskHighWords);
        suicideRiskNotHighWords = List.copyOf(suicideRiskNotHighWords);
    }
}
