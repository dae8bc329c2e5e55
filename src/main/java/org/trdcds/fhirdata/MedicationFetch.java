package org.trdcds.fhirdata;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch by reference of PROTOCOL-v3 section A: the unresolved Medication references of a call in ONE batched
 * {@code Medication?_id=a,b,...} search on its fhirServer (same scope rules, token and no-redirect rule as every
 * fetch), within a budget inside the call's deadline. Whatever goes wrong (404, 500, a bad body, the budget passed)
 * leaves the references unresolved: never an error, never a 412. Only the first page is read.
 */
final class MedicationFetch {

    private static final Logger log = LoggerFactory.getLogger(MedicationFetch.class);

    private final ExecutorService executor;
    /** (base, inFlight) -> a client scoped to that fhirServer with the call's token. */
    private final BiFunction<FetchPlan, InFlightRequests, IGenericClient> clients;

    MedicationFetch(ExecutorService executor, BiFunction<FetchPlan, InFlightRequests, IGenericClient> clients) {
        this.executor = executor;
        this.clients = clients;
    }

    /**
     * @param deadline System.nanoTime() by which the answer must be in
     * @param max      at most this many ids in the one search
     */
    PatientData resolve(FetchPlan plan, PatientData data, Bundle draftOrders, long deadline, int max) {
        if (plan == null || plan.fhirServer() == null) {
            return data;
        }
        List<String> ids = MedicationReferences.unresolved(data, draftOrders, max);
        if (ids.isEmpty()) {
            return data;
        }
        InFlightRequests inFlight = new InFlightRequests();
        CompletableFuture<List<Medication>> search = null;
        try {
            search = CompletableFuture.supplyAsync(() -> search(clients.apply(plan, inFlight), ids), executor);
            return MedicationReferences.with(
                    data, search.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return data;
        } catch (Exception e) { // timeout, HTTP error, rejected: the references stay unresolved
            log.info(
                    "Medication fetch by reference: {} reference(s) left unresolved ({})",
                    ids.size(),
                    e.getClass().getSimpleName());
            return data;
        } finally {
            inFlight.abortAll();
            if (search != null) {
                search.cancel(true);
            }
        }
    }

    private static List<Medication> search(IGenericClient client, List<String> ids) {
        Bundle bundle = client.search()
                .byUrl("Medication?_id=" + String.join(",", ids))
                .returnBundle(Bundle.class)
                .execute();
        Set<String> wanted = new HashSet<>(ids);
        List<Medication> found = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Medication m
                    && wanted.remove(m.getIdElement().getIdPart())) {
                found.add(m);
            }
        }
        return found;
    }
}
