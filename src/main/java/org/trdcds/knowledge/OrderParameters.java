package org.trdcds.knowledge;

/**
 * The order-hook parameters of PROTOCOL-v3 section E, read from fhir-profiles/knowledge/Parameters-orders-v3.json
 * (one parameter per component, named exactly like it). Lists are comma-separated valueStrings.
 *
 * @param scopeMinMinutes              a reasonless ketamine order stating a shorter duration is out of scope
 * @param scopeMaxMinutes              ... or a longer one
 * @param scopeSingleDoseMaxMgPerKg    a single administration without duration above this (by weight) is out of scope
 * @param scopeSessionWindowDays       a ketamine, esketamine or TMS session within these days keeps an order in scope
 * @param ivRoutes                     route texts, displays or codes that mean intravenous (lower case)
 * @param nasalRoutes                  route texts, displays or codes that mean nasal (lower case)
 * @param esketamineDosesMg            labelled doses per session
 * @param esketamineOlderAdultDosesMg  doses also labelled from esketamineOlderAdultAge
 * @param esketamineOlderAdultAge      age from which the older-adult doses and first-dose limit apply
 * @param esketamineCriticalAboveMg    a dose above this is critical
 * @param esketamineFirstDoseMaxMg     first dose of a course above this is a warning
 * @param esketamineOlderFirstDoseMaxMg first dose of a course above this is a warning from esketamineOlderAdultAge
 * @param esketamineCourseGapDays      no esketamine session within these days: the order starts a course
 * @param esketamineDeviceMg           mg per nasal device
 * @param esketamineSprayMg            mg per spray
 * @param esketamineDeviceUnits        dose units meaning devices (lower case)
 * @param esketamineSprayUnits         dose units meaning sprays (lower case)
 * @param esketamineEarlyWeeks         weeks of the induction phase
 * @param esketamineEarlyMaxPer7Days   sessions allowed in any 7 days in the induction phase
 * @param esketamineLaterMaxPer7Days   sessions allowed in any 7 days from the week after it
 * @param esketamineSuicidalIdeationDosesMg doses of the regimen for MDD with acute suicidal ideation or behaviour
 * @param pregnancyPossibleMinAge      female patients of at least this age could be pregnant
 * @param pregnancyPossibleMaxAge      ... up to this age
 * @param pregnancyTestWindowDays      a pregnancy test within these days confirms the status
 */
public record OrderParameters(
        int scopeMinMinutes,
        int scopeMaxMinutes,
        double scopeSingleDoseMaxMgPerKg,
        int scopeSessionWindowDays,
        String ivRoutes,
        String nasalRoutes,
        String esketamineDosesMg,
        String esketamineOlderAdultDosesMg,
        int esketamineOlderAdultAge,
        double esketamineCriticalAboveMg,
        double esketamineFirstDoseMaxMg,
        double esketamineOlderFirstDoseMaxMg,
        int esketamineCourseGapDays,
        double esketamineDeviceMg,
        double esketamineSprayMg,
        String esketamineDeviceUnits,
        String esketamineSprayUnits,
        int esketamineEarlyWeeks,
        int esketamineEarlyMaxPer7Days,
        int esketamineLaterMaxPer7Days,
        String esketamineSuicidalIdeationDosesMg,
        int pregnancyPossibleMinAge,
        int pregnancyPossibleMaxAge,
        int pregnancyTestWindowDays) {

    /** A comma-separated list parameter as trimmed, lower-cased items. */
    public static java.util.List<String> items(String list) {
        java.util.List<String> items = new java.util.ArrayList<>();
        if (list != null) {
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return items;
    }

    /** A comma-separated list of numbers; an item that is not a number is left out. */
    public static java.util.List<Double> numbers(String list) {
        java.util.List<Double> numbers = new java.util.ArrayList<>();
        for (String item : items(list)) {
            try {
                numbers.add(Double.parseDouble(item));
            } catch (NumberFormatException e) {
                // not a number: ignored (the knowledge test checks the file)
            }
        }
        return numbers;
    }
}
