package org.trdcds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import org.trdcds.config.FhirConfiguration;
import org.trdcds.edge.CdsLimits;

/**
 * Turns a request body into a {@link HookRequest}, or refuses it saying exactly what is wrong. Unknown fields and
 * extensions are ignored; prefetch keys the service did not ask for are not parsed.
 */
@Component
public class HookRequestParser {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final List<String> AUTHORIZATION_FIELDS =
            List.of("access_token", "token_type", "expires_in", "scope", "subject");

    private final RequestJson requestJson;
    private final FhirContext fhirContext;
    private final int maxResources;

    public HookRequestParser(RequestJson requestJson, FhirContext fhirContext, CdsLimits limits) {
        this.requestJson = requestJson;
        this.fhirContext = fhirContext;
        this.maxResources = limits.maxResources();
    }

    public HookRequest parse(CdsService service, byte[] body) {
        return parse(service, body, fhirServer -> true);
    }

    /** @param fhirServerAllowed whether the caller may name this fhirServer: 400 otherwise, before any fetch */
    public HookRequest parse(CdsService service, byte[] body, Predicate<String> fhirServerAllowed) {
        JsonNode root = requestJson.readObject(body);
        Hook hook = Hook.of(service.hook()).orElseThrow();
        String hookName = requiredText(root, "hook", "hook is required");
        if (!hookName.equals(hook.id())) {
            throw CdsException.invalid("hook does not match service " + service.id() + ", which answers " + hook.id());
        }
        String hookInstance = requiredText(root, "hookInstance", "hookInstance is required");
        requireUuid(hookInstance);
        String fhirServer = optionalText(root, "fhirServer");
        if (fhirServer != null) {
            requireAbsoluteHttpUrl(fhirServer);
            if (!fhirServerAllowed.test(fhirServer)) {
                throw CdsException.invalid("fhirServer is not a FHIR server this CDS client may name "
                        + "(cds.security.trusted-issuers[n].fhir-servers)");
            }
        }
        String bearerToken = accessToken(root, fhirServer);
        JsonNode context = root.get("context");
        if (context == null || !context.isObject()) {
            throw CdsException.required("context is required and must be an object");
        }
        for (String field : hook.requiredContext()) {
            if (context.get(field) == null || context.get(field).isNull()) {
                throw CdsException.required("context." + field + " is required for hook " + hook.id());
            }
        }
        String patientId = contextText(context, "patientId");
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw CdsException.invalid("context.patientId must be a FHIR resource id ([A-Za-z0-9-.]{1,64})");
        }
        JsonNode draftOrders = context.get("draftOrders");
        JsonNode prefetch = root.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            throw CdsException.invalid("prefetch must be an object");
        }
        checkResourceCount(service, draftOrders, prefetch);
        IJsonLikeParser parser = (IJsonLikeParser) FhirConfiguration.lenientJsonParser(fhirContext);
        Bundle orders = draftOrders == null ? null : draftOrders(parser, draftOrders);
        if (orders != null) {
            RequestScope.checkDraftOrders(orders, patientId);
        }
        return new HookRequest(
                service,
                hook,
                hookInstance,
                fhirServer,
                bearerToken,
                contextText(context, "userId"),
                patientId,
                optionalContextText(context, "encounterId"),
                selections(context),
                orders,
                draftOrderJson(draftOrders),
                prefetched(parser, service, prefetch, patientId));
    }

    private static String accessToken(JsonNode root, String fhirServer) {
        JsonNode authorization = root.get("fhirAuthorization");
        if (authorization == null || authorization.isNull()) {
            return null;
        }
        if (!authorization.isObject()) {
            throw CdsException.invalid("fhirAuthorization must be an object");
        }
        if (fhirServer == null) {
            throw CdsException.required("fhirServer is required when fhirAuthorization is present");
        }
        for (String field : AUTHORIZATION_FIELDS) {
            JsonNode value = authorization.get(field);
            boolean present = "expires_in".equals(field)
                    ? value != null && value.isNumber()
                    : value != null && value.isTextual() && !value.asText().isBlank();
            if (!present) {
                throw CdsException.required("fhirAuthorization." + field + " is required"
                        + ("expires_in".equals(field) ? " (a number of seconds)" : " (a string)"));
            }
        }
        if (!"Bearer".equalsIgnoreCase(authorization.get("token_type").asText())) {
            throw CdsException.invalid("fhirAuthorization.token_type must be Bearer");
        }
        return authorization.get("access_token").asText();
    }

    private void checkResourceCount(CdsService service, JsonNode draftOrders, JsonNode prefetch) {
        int count = ResourceCount.of(draftOrders);
        if (prefetch != null && !prefetch.isNull()) {
            for (String key : service.prefetch().keySet()) {
                count += ResourceCount.of(prefetch.get(key));
            }
        }
        if (count > maxResources) {
            throw CdsException.tooLarge("request carries " + count + " FHIR resources; the limit is " + maxResources
                    + " (cds.limits.max-resources)");
        }
    }

    private static Bundle draftOrders(IJsonLikeParser parser, JsonNode node) {
        if (!node.isObject() || !"Bundle".equals(node.path("resourceType").asText())) {
            throw CdsException.invalid("context.draftOrders must be a FHIR Bundle");
        }
        return (Bundle) parse(parser, node, "context.draftOrders");
    }

    private static Map<String, String> draftOrderJson(JsonNode draftOrders) {
        Map<String, String> json = new LinkedHashMap<>();
        if (draftOrders != null) {
            for (JsonNode entry : draftOrders.path("entry")) {
                JsonNode resource = entry.path("resource");
                if (resource.path("resourceType").isTextual()
                        && resource.path("id").isTextual()) {
                    json.put(
                            resource.get("resourceType").asText() + "/"
                                    + resource.get("id").asText(),
                            resource.toString());
                }
            }
        }
        return Collections.unmodifiableMap(json);
    }

    private static List<String> selections(JsonNode context) {
        JsonNode node = context.get("selections");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw CdsException.invalid("context.selections must be an array of \"Type/id\" strings");
        }
        List<String> selections = new ArrayList<>();
        for (JsonNode selection : node) {
            if (!selection.isTextual()) {
                throw CdsException.invalid("context.selections must be an array of \"Type/id\" strings");
            }
            selections.add(selection.asText());
        }
        return List.copyOf(selections);
    }

    private static Map<String, IBaseResource> prefetched(
            IJsonLikeParser parser, CdsService service, JsonNode prefetch, String patientId) {
        Map<String, IBaseResource> resources = new LinkedHashMap<>();
        if (prefetch != null && !prefetch.isNull()) {
            for (String key : service.prefetch().keySet()) {
                JsonNode value = prefetch.get(key);
                if (value == null) {
                    continue;
                }
                if (!value.isNull() && !value.isObject()) {
                    throw CdsException.invalid("prefetch." + key + " must be a FHIR resource or null");
                }
                IBaseResource resource = value.isNull() ? null : parse(parser, value, "prefetch." + key);
                if (resource != null) {
                    RequestScope.checkPrefetch(key, resource, service.prefetch().get(key), patientId);
                }
                resources.put(key, resource);
                ((ObjectNode) prefetch).remove(key); // parsed: its tree can be collected while the next is read
            }
        }
        return Collections.unmodifiableMap(resources);
    }

    /** One resource read from a request tree as a hook call's prefetch is read (for tests of the tree parsing). */
    static IBaseResource parseTree(FhirContext fhirContext, ObjectNode node, String where) {
        return parse((IJsonLikeParser) FhirConfiguration.lenientJsonParser(fhirContext), node, where);
    }

    /** HAPI reads the resource from the request's own tree (an object node): no second pass over its text. */
    private static IBaseResource parse(IJsonLikeParser parser, JsonNode node, String where) {
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject((ObjectNode) node);
        try {
            return parser.parseResource(structure);
        } catch (DataFormatException e) {
            // HAPI's message may quote the request (an unknown resource name, a bad value): never echoed or logged
            throw CdsException.invalid(where + " is not a FHIR R4 resource (HAPI cannot read it)");
        } catch (RuntimeException e) {
            // HAPI's parser fails on some inputs with other exceptions (found by fuzzing: an empty element name)
            throw CdsException.invalid(where + " is not a FHIR R4 resource (an element cannot be read)");
        }
    }

    private static String requiredText(JsonNode node, String field, String missing) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw CdsException.required(missing);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw CdsException.invalid(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw CdsException.invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static String contextText(JsonNode context, String field) {
        JsonNode value = context.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw CdsException.invalid("context." + field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalContextText(JsonNode context, String field) {
        JsonNode value = context.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static void requireUuid(String hookInstance) {
        if (Uuids.parse(hookInstance) == null) {
            throw CdsException.invalid("hookInstance must be a UUID");
        }
    }

    private static void requireAbsoluteHttpUrl(String fhirServer) {
        try {
            URI uri = URI.create(fhirServer);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw CdsException.invalid("fhirServer must be an absolute http(s) URL");
    }
}
