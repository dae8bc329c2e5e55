package org.trdcds.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.unit.DataSize;
import org.trdcds.cards.CardRenderer;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.config.FhirConfiguration;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.edge.CdsLimits;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.feedback.IssuedCard;
import org.trdcds.feedback.IssuedCardWriter;
import org.trdcds.fhirdata.FhirClientSettings;
import org.trdcds.fhirdata.HapiFactExtractor;
import org.trdcds.fhirdata.HapiPatientDataLoader;
import org.trdcds.hooks.HookInvocation;
import org.trdcds.hooks.HookRequestParser;
import org.trdcds.hooks.RequestJson;
import org.trdcds.hooks.ServiceCatalog;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.KnowledgeFiles;
import org.trdcds.knowledge.KnowledgeLoader;
import org.trdcds.knowledge.LoadedKnowledge;

/**
 * The service's request handling without HTTP, built from the real parts with the application's default settings:
 * request bytes -> parser -> loader -> extractor -> decision -> renderer -> response JSON bytes. Issued cards go
 * through the real background writer to a store that keeps nothing (storage is not on the request's path).
 */
final class InProcessService implements AutoCloseable {

    final FhirContext fhirContext;
    final Knowledge knowledge;
    final Decision decision;
    final CardRenderer renderer;
    final ServiceCatalog catalog;
    private final HapiPatientDataLoader loader;
    private final IssuedCardWriter issuedCards;
    private final HookInvocation invocation;
    private final ObjectMapper responseJson = Jackson2ObjectMapperBuilder.json().build();

    InProcessService() {
        this(BenchData.AS_OF);
    }

    /** The same, deciding at another instant (a scenario's {@code asOf}). */
    InProcessService(java.time.Instant asOf) {
        fhirContext = new FhirConfiguration().fhirContext();
        LoadedKnowledge loaded = KnowledgeLoader.load(KnowledgeFiles.fromDirectory(Path.of(".")), fhirContext);
        knowledge = loaded.knowledge();
        decision = new DecisionFactory(knowledge).at(Clock.fixed(asOf, ZoneOffset.UTC));
        renderer = new TemplateCardRenderer(knowledge, loaded.templates());
        CdsLimits limits =
                new CdsLimits(DataSize.ofMegabytes(10), 100, 1_000_000, 20_000, java.time.Duration.ofSeconds(10), 0);
        loader = new HapiPatientDataLoader(
                fhirContext,
                new FhirClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(4), 50, 8),
                null);
        issuedCards = new IssuedCardWriter(new DiscardingStore(), 10_000, 200, Duration.ofMillis(50));
        issuedCards.start();
        catalog = new ServiceCatalog(responseJson, knowledge);
        invocation = new HookInvocation(
                catalog,
                new HookRequestParser(new RequestJson(limits), fhirContext, limits),
                loader,
                new HapiFactExtractor(),
                decision,
                renderer,
                issuedCards,
                new SimpleMeterRegistry(),
                new org.trdcds.hooks.CpuGate(0));
    }

    /** One hook call: the response body. */
    byte[] handle(String serviceId, byte[] body) {
        try {
            return responseJson.writeValueAsBytes(invocation.invoke(serviceId, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        issuedCards.stop();
        loader.close();
    }

    private static final class DiscardingStore extends FeedbackStore {
        DiscardingStore() {
            super(null, new NoTransactions());
        }

        @Override
        public void recordIssued(List<IssuedCard> cards) {
            // storage is measured by the HTTP benchmark; here it only must not block the caller
        }
    }

    /** Transactions around the discarding store's (empty) writes. */
    private static final class NoTransactions
            extends org.springframework.transaction.support.AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {}

        @Override
        protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {}
    }
}
