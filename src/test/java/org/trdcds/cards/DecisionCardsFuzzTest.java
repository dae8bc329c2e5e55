package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.ConditionFact;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.Dose;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.ObservationFact;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.criteria.ProcedureFact;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * Random patient facts (codes from the real value sets and made-up ones, dates, doses, units, statuses, nulls) through
 * the real decision and the real card templates: nothing throws, and every card is a valid CDS Hooks card.
 */
class DecisionCardsFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Knowledge KNOWLEDGE = ProjectKnowledge.get();
    static final Decision DECISION = ProjectKnowledge.decisions().at(Clock.fixed(NOW, ZoneOffset.UTC));
    static final TemplateCardRenderer RENDERER =
            new TemplateCardRenderer(KNOWLEDGE, ProjectKnowledge.loaded().templates());
    static final List<Code> KNOWN_CODES = knownCodes();
    static final List<String> SYSTEMS = List.of(
            "http://hl7.org/fhir/sid/icd-10-cm",
            "http://snomed.info/sct",
            "http://loinc.org",
            "http://www.nlm.nih.gov/research/umls/rxnorm",
            "http://www.ama-assn.org/go/cpt",
            "https://fhir.trd-cds-hooks.org/CodeSystem/scales");
    static final List<String> UNITS = List.of(
            "mg", "g", "ug", "mcg", "mg/kg", "mL", "{tbl}", "{cap}", "{pill}", "tablet", "kg", "[lb_av]", "g/kg",
            "mm[Hg]", "{score}", "%", "min", "h", "");
    static final List<String> STATUSES = List.of(
            "active",
            "completed",
            "stopped",
            "on-hold",
            "draft",
            "entered-in-error",
            "intended",
            "unknown",
            "in-progress",
            "preparation",
            "not-done",
            "recurrence",
            "relapse",
            "inactive",
            "remission",
            "resolved",
            "confirmed",
            "provisional",
            "refuted");
    static final List<String> INDICATORS = List.of("info", "warning", "critical");

    @FuzzTest
    void decisionAndCards(FuzzedDataProvider data) {
        PatientFacts facts = facts(data);
        HookKind kind = data.consumeBoolean() ? HookKind.SCREENING : HookKind.ORDER_CHECK;
        List<Finding> findings = DECISION.decide(facts, kind);
        assertThat(findings).isNotNull();
        Map<String, String> draftJson = new HashMap<>();
        for (DraftOrder order : facts.draftOrders()) {
            if (order.ref() != null && data.consumeBoolean()) {
                draftJson.put(
                        order.ref(),
                        "{\"resourceType\":\"MedicationRequest\",\"id\":\"d\",\"status\":\"draft\","
                                + "\"intent\":\"order\",\"dosageInstruction\":[{\"text\":\"x\"}]}");
            }
        }
        List<Card> cards = RENDERER.render(findings, "ketamine-tms-screening", facts.patientId(), draftJson);
        assertThat(cards).hasSameSizeAs(findings);
        for (Card card : cards) {
            assertThat(card.summary()).isNotBlank().hasSizeLessThan(140);
            assertThat(card.indicator()).isIn(INDICATORS);
            assertThat(card.source()).isNotNull();
            assertThat(card.source().topic()).isNotNull();
            assertThat(card.source().topic().code()).isNotBlank();
            assertThat(card.detail()).isNotNull().doesNotContain("NaN").doesNotContain("Infinity");
            for (Card.Suggestion suggestion : card.suggestions()) {
                for (Card.Action action : suggestion.actions()) {
                    if (action.resource() != null) {
                        assertThat(validJson(action.resource()))
                                .as(action.resource())
                                .isTrue();
                    }
                }
            }
        }
    }

    private static boolean validJson(String json) {
        try {
            return JSON.readTree(json).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    static PatientFacts facts(FuzzedDataProvider data) {
        String patientId = data.consumeBoolean() ? "p-1" : data.consumeString(20);
        LocalDate birthDate = data.consumeBoolean() ? null : LocalDate.ofEpochDay(data.consumeLong(-40_000, 25_000));
        List<ConditionFact> conditions = list(
                data,
                () -> new ConditionFact(
                        ref(data, "Condition"),
                        codes(data),
                        status(data),
                        status(data),
                        instant(data),
                        instant(data),
                        instant(data)));
        List<MedicationFact> medications = list(
                data,
                () -> new MedicationFact(
                        ref(
                                data,
                                data.pickValue(List.of(
                                        "MedicationStatement", "MedicationRequest", "MedicationAdministration"))),
                        codes(data),
                        text(data),
                        status(data),
                        instant(data),
                        instant(data),
                        list(data, () -> dose(data)),
                        status(data),
                        codes(data)));
        List<ObservationFact> observations = list(
                data,
                () -> new ObservationFact(
                        ref(data, "Observation"),
                        codes(data),
                        instant(data),
                        number(data),
                        unit(data),
                        codes(data),
                        list(
                                data,
                                () -> new ObservationFact.Component(
                                        codes(data), number(data), unit(data), codes(data)))));
        List<ProcedureFact> procedures = list(
                data,
                () -> new ProcedureFact(
                        ref(data, "Procedure"), codes(data), status(data), instant(data), instant(data)));
        List<DraftOrder> drafts = list(
                data,
                () -> new DraftOrder(
                        ref(data, "MedicationRequest"),
                        data.pickValue(List.of("MedicationRequest", "ServiceRequest", "Procedure")),
                        codes(data),
                        text(data),
                        list(data, () -> dose(data)),
                        data.consumeBoolean(),
                        codes(data)));
        Set<String> unavailable = new LinkedHashSet<>();
        for (String type : List.of(
                "Condition", "Observation", "MedicationStatement", "MedicationRequest", "Procedure", "Patient")) {
            if (data.consumeInt(0, 7) == 0) {
                unavailable.add(type);
            }
        }
        return new PatientFacts(
                patientId, birthDate, conditions, medications, observations, procedures, drafts, unavailable);
    }

    private static <T> List<T> list(FuzzedDataProvider data, Supplier<T> element) {
        int size = data.consumeInt(0, 6);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    private static List<Code> codes(FuzzedDataProvider data) {
        return list(data, () -> switch (data.consumeInt(0, 5)) {
            case 0 ->
                new Code(data.pickValue(SYSTEMS), data.consumeString(12), nullOr(data, () -> data.consumeString(30)));
            case 1 -> new Code(nullOr(data, () -> data.pickValue(SYSTEMS)), nullOr(data, () -> data.consumeString(8)));
            default -> data.pickValue(KNOWN_CODES);
        });
    }

    /** A dose (never null: lists hold none), as the extractor could not produce it too: NaN, infinities, negatives. */
    private static Dose dose(FuzzedDataProvider data) {
        return new Dose(number(data), unit(data), number(data), number(data), data.consumeBoolean(), text(data));
    }

    private static Double number(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> null;
            case 1 -> data.consumeRegularDouble();
            case 2 ->
                data.pickValue(List.of(
                        0.0,
                        -1.0,
                        Double.MAX_VALUE,
                        Double.MIN_VALUE,
                        Double.POSITIVE_INFINITY,
                        Double.NaN,
                        Double.NEGATIVE_INFINITY,
                        1e-12,
                        1e12,
                        1.0 / 7,
                        3.0 / 7,
                        0.5,
                        1.0));
            default -> (double) data.consumeInt(-5, 400) + data.consumeProbabilityDouble();
        };
    }

    private static String unit(FuzzedDataProvider data) {
        return data.consumeInt(0, 5) == 0 ? nullOr(data, () -> data.consumeString(8)) : data.pickValue(UNITS);
    }

    private static String status(FuzzedDataProvider data) {
        return data.consumeInt(0, 5) == 0 ? nullOr(data, () -> data.consumeString(8)) : data.pickValue(STATUSES);
    }

    private static String text(FuzzedDataProvider data) {
        return nullOr(data, () -> data.consumeString(data.consumeBoolean() ? 20 : 300));
    }

    private static String ref(FuzzedDataProvider data, String type) {
        return data.consumeInt(0, 9) == 0
                ? nullOr(data, () -> data.consumeString(10))
                : type + "/" + data.consumeInt(0, 20);
    }

    /** Mostly within two years of now, sometimes far away, in the future or missing. */
    private static Instant instant(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 7)) {
            case 0 -> null;
            case 1 -> Instant.ofEpochSecond(data.consumeLong(-62_000_000_000L, 250_000_000_000L));
            default -> NOW.minusSeconds(data.consumeLong(-30L * 86_400, 730L * 86_400));
        };
    }

    private static <T> T nullOr(FuzzedDataProvider data, Supplier<T> value) {
        return data.consumeInt(0, 4) == 0 ? null : value.get();
    }

    /** Every (system, code) of fhir-profiles/ (value sets, VSAC copies, products, answer scores). */
    private static List<Code> knownCodes() {
        Set<Code> codes = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("fhir-profiles"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collect(JSON.readTree(file.toFile()), null, codes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(codes).as("codes of fhir-profiles").hasSizeGreaterThan(100);
        return List.copyOf(codes);
    }

    private static void collect(JsonNode node, String system, Set<Code> codes) {
        if (node.isObject()) {
            String own = node.path("system").isTextual() ? node.get("system").asText() : system;
            if (own != null && node.path("code").isTextual()) {
                codes.add(new Code(own, node.get("code").asText()));
            }
            node.forEach(child -> collect(child, own, codes));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, system, codes));
        }
    }
}
