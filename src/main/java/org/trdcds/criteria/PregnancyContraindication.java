package org.trdcds.criteria;

/**
 * The pregnancy block (or warning) of {@link Pregnancy}, the check the candidate card and session monitoring also
 * read: one shared instance ({@link RuleContext#pregnancy()}).
 */
final class PregnancyContraindication implements SafetyRule {

    private final String topic;
    private final Pregnancy pregnancy;

    PregnancyContraindication(RuleContext context) {
        this.topic = context.topic();
        this.pregnancy = context.pregnancy();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        return pregnancy.assess(a, facts).finding(topic);
    }
}
