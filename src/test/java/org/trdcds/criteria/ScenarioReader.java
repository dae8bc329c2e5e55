package org.trdcds.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test-only: reads a src/test/resources/scenarios file into facts (a tiny FHIR JSON reader, not the fhirdata extractor). */
final class ScenarioReader {

    record Scenario(
            String name,
            Instant asOf,
            HookKind kind,
            PatientFacts facts,
            List<String> included,
            List<String> excluded,
            boolean noCards,
            JsonNode json) {}

    static Scenario read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<ConditionFact> conditions = new ArrayList<>();
        List<MedicationFact> medications = new ArrayList<>();
        List<ObservationFact> observations = new ArrayList<>();
        List<ProcedureFact> procedures = new ArrayList<>();
        for (JsonNode entry : root.path("record").path("entry")) {
            JsonNode r = entry.path("resource");
            String ref = r.path("resourceType").asText() + "/" + r.path("id").asText();
            switch (r.path("resourceType").asText()) {
                case "Condition" ->
                    conditions.add(new ConditionFact(
                            ref,
                            codes(r.path("code")),
                            r.path("clinicalStatus")
                                    .path("coding")
                                    .path(0)
                                    .path("code")
                                    .asText(null),
                            null,
                            instant(r.path("onsetDateTime")),
                            instant(r.path("abatementDateTime"))));
                case "MedicationStatement", "MedicationRequest" -> {
                    JsonNode period = r.has("effectivePeriod")
                            ? r.path("effectivePeriod")
                            : r.path("dispenseRequest").path("validityPeriod");
                    Instant start = period.has("start")
                            ? instant(period.path("start"))
                            : instant(r.has("effectiveDateTime") ? r.path("effectiveDateTime") : r.path("authoredOn"));
                    JsonNode dosage = r.has("dosage")
                            ? r.path("dosage").path(0)
                            : r.path("dosageInstruction").path(0);
                    medications.add(new MedicationFact(
                            ref,
                            codes(r.path("medicationCodeableConcept")),
                            r.path("medicationCodeableConcept").path("text").asText(null),
                            r.path("status").asText(),
                            start,
                            instant(period.path("end")),
                            dose(dosage)));
                }
                case "Observation" -> {
                    List<ObservationFact.Component> components = new ArrayList<>();
                    for (JsonNode c : r.path("component")) {
                        components.add(new ObservationFact.Component(
                                codes(c.path("code")),
                                number(c.path("valueQuantity").path("value")),
                                null));
                    }
                    JsonNode q = r.path("valueQuantity");
                    observations.add(new ObservationFact(
                            ref,
                            codes(r.path("code")),
                            instant(r.path("effectiveDateTime")),
                            number(q.path("value")),
                            q.path("code").asText(q.path("unit").asText(null)),
                            codes(r.path("valueCodeableConcept")),
                            components));
                }
                case "Procedure" ->
                    procedures.add(new ProcedureFact(
                            ref,
                            codes(r.path("code")),
                            r.path("status").asText(),
                            instant(r.path("performedPeriod").path("start")),
                            instant(r.path("performedPeriod").path("end"))));
                default -> {}
            }
        }
        List<DraftOrder> orders = new ArrayList<>();
        for (JsonNode entry : root.path("draftOrders").path("entry")) {
            JsonNode r = entry.path("resource");
            orders.add(new DraftOrder(
                    r.path("resourceType").asText() + "/" + r.path("id").asText(),
                    r.path("resourceType").asText(),
                    codes(r.path("medicationCodeableConcept")),
                    r.path("medicationCodeableConcept").path("text").asText(null),
                    dose(r.path("dosageInstruction").path(0)),
                    true));
        }
        JsonNode expect = root.path("expect");
        return new Scenario(
                root.path("name").asText(),
                Instant.parse(root.path("asOf").asText()),
                "patient-view".equals(root.path("hook").asText()) ? HookKind.SCREENING : HookKind.ORDER_CHECK,
                new PatientFacts(
                        root.path("patientId").asText(),
                        null,
                        conditions,
                        medications,
                        observations,
                        procedures,
                        orders,
                        Set.of()),
                strings(expect.path("topicsIncluded")),
                strings(expect.path("topicsExcluded")),
                expect.path("noCards").asBoolean(),
                root);
    }

    private static Dose dose(JsonNode dosage) {
        if (dosage.isMissingNode()) {
            return null;
        }
        JsonNode q = dosage.path("doseAndRate").path(0).path("doseQuantity");
        JsonNode repeat = dosage.path("timing").path("repeat");
        Double perDay = null;
        if (repeat.has("frequency") && repeat.has("period")) {
            double days = switch (repeat.path("periodUnit").asText()) {
                case "h" -> 1 / 24.0;
                case "wk" -> 7;
                case "mo" -> 30;
                default -> 1;
            };
            perDay =
                    repeat.path("frequency").asDouble() / (repeat.path("period").asDouble() * days);
        }
        Double minutes = repeat.has("duration")
                ? repeat.path("duration").asDouble()
                        * ("h".equals(repeat.path("durationUnit").asText()) ? 60 : 1)
                : null;
        return new Dose(
                number(q.path("value")), q.path("code").asText(q.path("unit").asText(null)), perDay, minutes);
    }

    private static List<Code> codes(JsonNode concept) {
        List<Code> codes = new ArrayList<>();
        for (JsonNode c : concept.path("coding")) {
            codes.add(new Code(
                    c.path("system").asText(),
                    c.path("code").asText(),
                    c.path("display").asText(null)));
        }
        return codes;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
