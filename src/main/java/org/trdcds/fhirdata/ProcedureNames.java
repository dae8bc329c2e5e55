package org.trdcds.fhirdata;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.Recognition;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.NameTable;

/**
 * A draft order other than a medication (ServiceRequest, Procedure...) whose codes name no procedure of the knowledge
 * but whose code text or a coding's display does ("transcranial magnetic stimulation", "TMS", "rTMS": the procedure
 * names of medication-names.json): it gets the code the table gives for that name, so it is in scope and checked as
 * that procedure, and says it was identified by its name (PROTOCOL-v3 section A).
 */
final class ProcedureNames {

    record Named(List<Code> codes, Recognition recognition) {}

    private ProcedureNames() {}

    static Named identify(CodeableConcept code, Knowledge knowledge) {
        List<Code> codes = FhirValues.codes(code);
        if (knowledge == null || code == null) {
            return new Named(codes, Recognition.NONE);
        }
        NameTable names = knowledge.medicationRecognition().procedures();
        boolean knowsTms = knowledge.valueSetIds().contains(TMS_PROCEDURES);
        for (Code c : codes) {
            if (knowsTms && knowledge.inValueSet(TMS_PROCEDURES, c.system(), c.code())) {
                return new Named(codes, Recognition.NONE); // coded as TMS already
            }
        }
        List<String> texts = new ArrayList<>();
        if (code.hasText()) {
            texts.add(code.getText());
        }
        for (Coding coding : code.getCoding()) {
            if (coding.hasDisplay()) {
                texts.add(coding.getDisplay());
            }
        }
        for (String text : texts) {
            List<NameTable.Match> matches = names.find(text);
            if (!matches.isEmpty()) {
                NameTable.Name n = matches.get(0).name();
                List<Code> all = new ArrayList<>(codes);
                all.add(new Code(n.system(), n.code(), n.display()));
                return new Named(List.copyOf(all), new Recognition(Recognition.By.NAME, text, null));
            }
        }
        return new Named(codes, Recognition.NONE);
    }

    /** The value set of TMS procedure codes (an id of the knowledge, not clinical content). */
    static final String TMS_PROCEDURES = "tms-procedures";
}
