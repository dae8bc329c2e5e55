package org.trdcds.fhirdata;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The fetches of one hook call against one FHIR server: a read or a search with its next pages (never leaving
 * fhirServer, at most {@code cds.fhir.max-pages}), all run in parallel on the server's share of the pool within the
 * call's deadline; the first failure or the deadline ends them all and aborts the requests in flight.
 */
final class ParallelFetches {

    private static final Pattern READ = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

    private final IGenericClient client;
    private final String base;
    private final FhirClientSettings settings;

    ParallelFetches(IGenericClient client, String base, FhirClientSettings settings) {
        this.client = client;
        this.base = base;
        this.settings = settings;
    }

    List<? extends IBaseResource> fetch(String query, String keys) {
        Matcher read = READ.matcher(query);
        if (read.matches()) {
            return List.of(
                    client.read().resource(read.group(1)).withId(read.group(2)).execute());
        }
        Bundle firstPage =
                client.search().byUrl(query).returnBundle(Bundle.class).execute();
        List<Bundle> pages = new ArrayList<>(List.of(firstPage));
        pages.addAll(nextPages(firstPage, keys));
        return pages;
    }

    List<Bundle> nextPages(Bundle firstPage, String keys) {
        List<Bundle> pages = new ArrayList<>();
        Bundle page = firstPage;
        for (int count = 1; page.getLink(IBaseBundle.LINK_NEXT) != null; count++) {
            if (count >= settings.maxPages()) {
                throw new FetchFailure(keys, "more than " + settings.maxPages() + " pages");
            }
            String next = page.getLink(IBaseBundle.LINK_NEXT).getUrl();
            if (next == null || !(next.startsWith(base + "/") || next.startsWith(base + "?"))) {
                throw new FetchFailure(keys, "a next link points outside fhirServer");
            }
            page = client.loadPage().next(page).execute();
            pages.add(page);
        }
        return pages;
    }

    List<IBaseResource> runAll(
            Map<String, Supplier<List<? extends IBaseResource>>> tasks,
            long deadline,
            InFlightRequests inFlight,
            java.util.concurrent.Executor serverShare) {
        Map<String, CompletableFuture<List<? extends IBaseResource>>> running = new LinkedHashMap<>();
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        try {
            tasks.forEach((keys, task) -> {
                CompletableFuture<List<? extends IBaseResource>> future = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return task.get();
                            } catch (RuntimeException e) {
                                throw FetchFailure.of(keys, e);
                            }
                        },
                        serverShare);
                future.whenComplete((result, error) -> {
                    if (error != null) {
                        firstFailure.completeExceptionally(error);
                    }
                });
                running.put(keys, future);
            });
            CompletableFuture.anyOf(
                            CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)), firstFailure)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            List<IBaseResource> resources = new ArrayList<>();
            running.values().forEach(future -> resources.addAll(future.join()));
            return resources;
        } catch (RejectedExecutionException e) {
            throw new DataUnavailableException("FHIR fetch capacity exhausted");
        } catch (TimeoutException e) {
            List<String> pending = running.entrySet().stream()
                    .filter(entry -> !entry.getValue().isDone())
                    .map(Map.Entry::getKey)
                    .toList();
            throw new DataUnavailableException(String.join(", ", pending) + ": no answer within the deadline of "
                    + settings.deadline().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new DataUnavailableException(failureMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataUnavailableException("interrupted while fetching from the FHIR server");
        } finally {
            inFlight.abortAll();
            running.values().forEach(future -> future.cancel(true));
        }
    }

    private static String failureMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FetchFailure failure) {
                return failure.getMessage();
            }
        }
        return "FHIR fetch failed (" + error.getClass().getSimpleName() + ")";
    }
}
