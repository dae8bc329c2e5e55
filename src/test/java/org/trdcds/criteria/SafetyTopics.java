package org.trdcds.criteria;

/**
 * The topics of fhir-profiles/knowledge/Parameters-safety-rules.json the tests name. The decision has no constant for
 * them (a rule gets its topic from its row), so a test that expects one of these also checks the rules file's row.
 */
public final class SafetyTopics {

    public static final String UNCONTROLLED_HYPERTENSION = "contraindication-uncontrolled-hypertension";
    public static final String ACTIVE_SUBSTANCE_USE = "contraindication-active-substance-use";
    public static final String UNCONTROLLED_SEIZURES = "contraindication-uncontrolled-seizures";
    public static final String PREGNANCY = "contraindication-pregnancy";
    public static final String VASCULAR = "contraindication-vascular";
    public static final String TMS_IMPLANT = "contraindication-tms-implant";
    public static final String BLOOD_PRESSURE_ELEVATED = "blood-pressure-elevated";
    public static final String LACTATION_CAUTION = "lactation-caution";
    public static final String SEIZURE_CAUTION = "seizure-disorder-caution";
    public static final String BIPOLAR_MANIC_SWITCH = "bipolar-manic-switch";
    public static final String CONCURRENT_MEDICATION = "concurrent-medication-caution";

    private SafetyTopics() {}
}
