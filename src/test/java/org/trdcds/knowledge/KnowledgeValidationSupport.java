package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Answers "is this code in our value set?" for the validator from {@link FileKnowledge}'s expansion. HAPI's
 * in-memory terminology service does not expand compose.include.valueSet pointing at the expansion-only VSAC
 * copies, so without this our required bindings could not be checked.
 */
final class KnowledgeValidationSupport extends BaseValidationSupport {

    private final Knowledge knowledge;

    KnowledgeValidationSupport(FhirContext fhirContext, Knowledge knowledge) {
        super(fhirContext);
        this.knowledge = knowledge;
    }

    @Override
    public String getName() {
        return "trd-cds-hooks knowledge value sets";
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
        return localId(valueSetUrl) != null;
    }

    @Override
    public CodeValidationResult validateCode(
            ValidationSupportContext context,
            ConceptValidationOptions options,
            String system,
            String code,
            String display,
            String valueSetUrl) {
        String id = localId(valueSetUrl);
        return id == null ? null : result(id, system, code, display);
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(
            ValidationSupportContext context,
            ConceptValidationOptions options,
            String system,
            String code,
            String display,
            IBaseResource valueSet) {
        String id = valueSet instanceof ValueSet vs ? localId(vs.getUrl()) : null;
        return id == null ? null : result(id, system, code, display);
    }

    private CodeValidationResult result(String id, String system, String code, String display) {
        if (knowledge.inValueSet(id, system, code)) {
            return new CodeValidationResult().setCode(code).setDisplay(display);
        }
        return new CodeValidationResult()
                .setSeverity(IssueSeverity.ERROR)
                .setMessage(system + "#" + code + " is not in the value set " + id);
    }

    private String localId(String valueSetUrl) {
        if (valueSetUrl == null || !valueSetUrl.startsWith(FileKnowledge.LOCAL_VALUE_SETS)) {
            return null;
        }
        String id =
                valueSetUrl.substring(FileKnowledge.LOCAL_VALUE_SETS.length()).split("\\|", 2)[0];
        return knowledge.valueSetIds().contains(id) ? id : null;
    }
}
