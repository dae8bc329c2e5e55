package org.trdcds.fhirdata;

import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.http.client.methods.HttpRequestBase;

/**
 * The HTTP requests of one hook call, so that they can all be aborted at its deadline: aborting closes the socket,
 * which ends a blocked read at once (a thread interrupt would not). Requests that start after {@link #abortAll()}
 * are aborted before they are sent.
 */
final class InFlightRequests implements IClientInterceptor {

    private final Set<HttpRequestBase> requests = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean aborted;

    @Override
    public synchronized void interceptRequest(IHttpRequest request) {
        HttpRequestBase apacheRequest = ((ApacheHttpRequest) request).getApacheRequest();
        if (aborted) {
            apacheRequest.abort();
        } else {
            requests.add(apacheRequest);
        }
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
        // responses are released by HAPI; a finished request aborted later is a no-op
    }

    synchronized void abortAll() {
        aborted = true;
        requests.forEach(HttpRequestBase::abort);
        requests.clear();
    }
}
