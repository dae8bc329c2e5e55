package org.trdcds.hooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.trdcds.audit.AuditConfiguration;
import org.trdcds.audit.AuditProperties;
import org.trdcds.audit.PatientLinks;
import org.trdcds.audit.ServiceModes;
import org.trdcds.cards.Card;
import org.trdcds.cards.CardRenderer;
import org.trdcds.criteria.Decision;
import org.trdcds.edge.CdsRequestFilter;
import org.trdcds.feedback.CardAudit;
import org.trdcds.feedback.IssuedCardWriter;
import org.trdcds.fhirdata.DataUnavailableException;
import org.trdcds.fhirdata.FactExtractor;
import org.trdcds.fhirdata.FetchPlan;
import org.trdcds.fhirdata.MedicationReferences;
import org.trdcds.fhirdata.PatientData;
import org.trdcds.fhirdata.PatientDataLoader;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.patientcards.PatientCards;

/**
 * One hook call: parse, load the patient's data, decide, render (under the {@link CpuGate}); the cards issued are
 * recorded by {@link IssuedCardRecorder}.
 */
@Service
public class HookInvocation {

    private final ServiceCatalog catalog;
    private final HookRequestParser parser;
    private final PatientDataLoader loader;
    private final PatientCards patientCards;
    private final IssuedCardRecorder recorder;
    private final MeterRegistry meters;
    private final CpuGate cpu;
    private final ServiceModes modes;
    /**
     * Meters registered at start-up (a timer per service: the first call does not pay for their registration) and
     * looked up, not registered again, on every call.
     */
    private final Map<String, Timer> latencyTimers = new ConcurrentHashMap<>();

    private final Map<String, Counter> unavailableCounters = new ConcurrentHashMap<>();

    /** Every service live, no patient link (tests, benchmarks). */
    public HookInvocation(
            ServiceCatalog catalog,
            HookRequestParser parser,
            PatientDataLoader loader,
            FactExtractor extractor,
            Decision decision,
            CardRenderer renderer,
            IssuedCardWriter issuedCards,
            MeterRegistry meters,
            CpuGate cpu) {
        this(
                catalog,
                parser,
                loader,
                extractor,
                decision,
                renderer,
                issuedCards,
                meters,
                cpu,
                new ServiceModes(Map.of()),
                new PatientLinks(AuditProperties.PatientLinkMode.NONE, null),
                null);
    }

    @Autowired
    public HookInvocation(
            ServiceCatalog catalog,
            HookRequestParser parser,
            PatientDataLoader loader,
            FactExtractor extractor,
            Decision decision,
            CardRenderer renderer,
            IssuedCardWriter issuedCards,
            MeterRegistry meters,
            CpuGate cpu,
            ServiceModes modes,
            PatientLinks links,
            Knowledge knowledge) {
        this.catalog = catalog;
        this.parser = parser;
        this.loader = loader;
        this.patientCards = new PatientCards(extractor, decision, renderer);
        this.recorder = knowledge == null
                ? new IssuedCardRecorder(issuedCards, links, null, meters, Set.of())
                : new IssuedCardRecorder(
                        issuedCards,
                        links,
                        knowledge.version(),
                        meters,
                        knowledge.topicModalities().topics());
        this.meters = meters;
        this.cpu = cpu;
        this.modes = modes;
        AuditConfiguration.publishModes(
                modes,
                catalog.services().stream()
                        .map(CdsService::id)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                meters);
        catalog.services().forEach(service -> {
            latencyTimer(service.id());
            unavailableCounter(service.id());
        });
    }

    public CardsResponse invoke(String serviceId, byte[] body) {
        return invoke(serviceId, body, fhirServer -> true);
    }

    /** @param fhirServerAllowed whether the caller may name this fhirServer (else 400, before anything is fetched) */
    public CardsResponse invoke(String serviceId, byte[] body, Predicate<String> fhirServerAllowed) {
        return invoke(serviceId, body, fhirServerAllowed, CardAudit.LOOPBACK_CLIENT);
    }

    /**
     * @param client the client the cards are issued to (the JWT issuer, or loopback): only it may give feedback
     *               on them. A service in shadow mode answers no card (errors stay errors) and records the
     *               would-be cards as shadow cards.
     */
    public CardsResponse invoke(String serviceId, byte[] body, Predicate<String> fhirServerAllowed, String client) {
        CdsService service = catalog.find(serviceId).orElseThrow(() -> CdsException.unknownService(serviceId));
        Timer.Sample sample = Timer.start(meters);
        try {
            Answer answer = answer(service, body, fhirServerAllowed, true);
            boolean shadow = modes.shadow(serviceId);
            recorder.record(answer.request(), answer.cards(), shadow, client);
            return new CardsResponse(shadow ? List.of() : answer.cards());
        } finally {
            sample.stop(latencyTimer(serviceId));
        }
    }

    /** The whole call except that nothing is recorded or counted: for warming the code paths at start-up. */
    CardsResponse rehearse(String serviceId, byte[] body) {
        CdsService service = catalog.find(serviceId).orElseThrow(() -> CdsException.unknownService(serviceId));
        return new CardsResponse(
                answer(service, body, fhirServer -> true, false).cards());
    }

    /**
     * Parses, loads, decides and renders within one pass of the CPU gate when the prefetch holds all the data (the
     * common case: no handing the gate over between parsing and deciding). A call that must fetch leaves the gate
     * while it waits for the FHIR server, and passes it again to decide.
     */
    private Answer answer(CdsService service, byte[] body, Predicate<String> fhirServerAllowed, boolean tagLogs) {
        Answer answer = cpu.run(() -> {
            HookRequest request = parser.parse(service, body, fhirServerAllowed);
            if (tagLogs) {
                MDC.put(CdsRequestFilter.MDC_HOOK_INSTANCE, request.hookInstance());
            }
            Map<String, String> queries = catalog.prefetchTemplates(service)
                    .substitute(request.patientId(), request.userId(), request.encounterId());
            FetchPlan plan = new FetchPlan(
                    request.patientId(),
                    request.fhirServer(),
                    request.bearerToken(),
                    withoutUnsentSupplementary(catalog.supplementaryPrefetch(service), request, queries),
                    request.prefetch());
            if (!plan.prefetchComplete()) {
                return new Answer(request, plan, null, null);
            }
            PatientData prefetched = load(service.id(), plan);
            // a Medication named by reference and not in the request is fetched outside the gate (PROTOCOL-v3 A)
            return MedicationReferences.toFetch(plan, prefetched, request.draftOrders())
                    ? new Answer(request, plan, null, prefetched)
                    : new Answer(request, null, cards(request, prefetched), null);
        });
        if (answer.cards() != null) {
            return answer;
        }
        long started = System.nanoTime();
        PatientData loaded = answer.data() != null ? answer.data() : load(service.id(), answer.plan());
        PatientData data = loader.withReferencedMedications(
                answer.plan(), loaded, answer.request().draftOrders(), started);
        return new Answer(answer.request(), null, cpu.run(() -> cards(answer.request(), data)), null);
    }

    /**
     * A client that prefetches, has no fhirServer and does not send a supplementary key at all (one added after it was
     * built, e.g. medicationAdministrations) is answered from what it sent rather than 412; with a fhirServer, the key
     * is fetched as usual, and a key sent as null or an OperationOutcome still counts as missing.
     */
    private static Map<String, String> withoutUnsentSupplementary(
            java.util.Set<String> supplementary, HookRequest request, Map<String, String> queries) {
        if (request.fhirServer() != null
                || request.prefetch() == null
                || request.prefetch().isEmpty()) {
            return queries;
        }
        Map<String, String> kept = new java.util.LinkedHashMap<>(queries);
        supplementary.forEach(key -> {
            if (!request.prefetch().containsKey(key)) {
                kept.remove(key);
            }
        });
        return kept;
    }

    private PatientData load(String serviceId, FetchPlan plan) {
        try {
            return loader.load(plan);
        } catch (DataUnavailableException e) {
            unavailableCounter(serviceId).increment();
            throw e;
        }
    }

    private List<Card> cards(HookRequest request, PatientData data) {
        return patientCards
                .cards(
                        data,
                        request.draftOrders(),
                        request.selections(),
                        request.hook().kind(),
                        request.service().id(),
                        request.patientId(),
                        request.draftOrderJson())
                .stream()
                .map(HookInvocation::withUuid)
                .toList();
    }

    private Timer latencyTimer(String serviceId) {
        return latencyTimers.computeIfAbsent(
                serviceId,
                id -> Timer.builder("cds.service.latency")
                        .tag("service", id)
                        .description("Time to answer a hook call, from the parsed body to the cards")
                        .register(meters));
    }

    /** Registered at 0 at start-up, so that dashboards and alerts exist before the first failure. */
    private Counter unavailableCounter(String serviceId) {
        return unavailableCounters.computeIfAbsent(
                serviceId,
                id -> Counter.builder("cds.prefetch.unavailable")
                        .tag("service", id)
                        .description("Hook calls answered 412: the FHIR data was neither in the prefetch "
                                + "nor obtainable from fhirServer")
                        .register(meters));
    }

    /** Feedback refers to cards by uuid: a card without one (or with one that is not a UUID) gets a fresh one. */
    private static Card withUuid(Card card) {
        if (Uuids.parse(card.uuid()) != null) {
            return card;
        }
        return new Card(
                UUID.randomUUID().toString(),
                card.summary(),
                card.detail(),
                card.indicator(),
                card.source(),
                card.suggestions(),
                card.selectionBehavior(),
                card.overrideReasons(),
                card.links());
    }

    /** A call's request and either its cards, or the fetch it must make first. */
    /** @param data the prefetched data when only Medications named by reference are still to be fetched */
    private record Answer(HookRequest request, FetchPlan plan, List<Card> cards, PatientData data) {}

    /** The CDS Hooks response body. */
    public record CardsResponse(List<Card> cards) {}
}
