package org.trdcds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.trdcds.knowledge.Knowledge;

/**
 * The CDS services offered, loaded once from the data file cds-services.json and checked at start-up.
 * A prefetch template may name value sets as {@code ${valueSetCodes:id1,id2}}: at start-up that becomes the
 * comma-separated {@code system|code} tokens of their expansions, so the prefetch asks for exactly the codes the
 * decision reads, and a code governance adds to a value set (e.g. a local MADRS code) is prefetched too.
 */
@Component
public class ServiceCatalog {

    static final String RESOURCE = "cds-services.json";
    private static final Pattern VALUE_SET_CODES = Pattern.compile("\\$\\{valueSetCodes:([^}]*)}");

    private final List<CdsService> services;
    private final Map<String, CdsService> byId;
    /** Each service's prefetch templates, compiled once. */
    private final Map<String, PrefetchTemplates> prefetchTemplates;
    /** Each service's supplementary prefetch keys (catalog extension), read once. */
    private final Map<String, java.util.Set<String>> supplementaryPrefetch;

    @Autowired
    public ServiceCatalog(ObjectMapper objectMapper, Knowledge knowledge) {
        this(read(objectMapper).stream()
                .map(service -> expandValueSets(service, knowledge))
                .toList());
    }

    ServiceCatalog(List<CdsService> services) {
        services.forEach(ServiceCatalog::check);
        this.services = List.copyOf(services);
        this.byId = services.stream().collect(Collectors.toUnmodifiableMap(CdsService::id, Function.identity()));
        this.prefetchTemplates = services.stream()
                .collect(Collectors.toUnmodifiableMap(
                        CdsService::id, service -> PrefetchTemplates.of(service.prefetch())));
        this.supplementaryPrefetch = services.stream()
                .collect(Collectors.toUnmodifiableMap(CdsService::id, CdsService::supplementaryPrefetch));
    }

    public List<CdsService> services() {
        return services;
    }

    public Optional<CdsService> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The prefetch keys an older client may not send (see {@link CdsService#SUPPLEMENTARY}). */
    java.util.Set<String> supplementaryPrefetch(CdsService service) {
        return supplementaryPrefetch.get(service.id());
    }

    /** The prefetch templates of a service of this catalog, compiled at start-up. */
    PrefetchTemplates prefetchTemplates(CdsService service) {
        return prefetchTemplates.get(service.id());
    }

    private static List<CdsService> read(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return objectMapper.readValue(in, Discovery.class).services();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service catalog " + RESOURCE, e);
        }
    }

    static CdsService expandValueSets(CdsService service, Knowledge knowledge) {
        Map<String, String> prefetch = new LinkedHashMap<>();
        service.prefetch().forEach((key, template) -> {
            Matcher matcher = VALUE_SET_CODES.matcher(template);
            prefetch.put(
                    key, matcher.replaceAll(match -> Matcher.quoteReplacement(codeTokens(match.group(1), knowledge))));
        });
        return new CdsService(
                service.hook(),
                service.id(),
                service.title(),
                service.description(),
                service.usageRequirements(),
                prefetch,
                service.extension());
    }

    private static String codeTokens(String valueSetIds, Knowledge knowledge) {
        StringBuilder tokens = new StringBuilder();
        for (String id : valueSetIds.split(",")) {
            knowledge
                    .expansion(id.trim())
                    .forEach((system, codes) -> codes.forEach(code -> {
                        String token = system + "|" + code;
                        if (tokens.indexOf(token) < 0) {
                            tokens.append(tokens.isEmpty() ? "" : ",").append(token);
                        }
                    }));
        }
        return tokens.toString();
    }

    private static void check(CdsService service) {
        if (service.id() == null
                || service.description() == null
                || Hook.of(service.hook()).isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": service " + service.id()
                    + " needs an id, a description and a hook this application answers");
        }
        service.prefetch().forEach((key, template) -> {
            if (!PrefetchTemplates.unsupportedTokens(template).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": prefetch " + service.id() + "." + key
                        + " uses tokens that are not CDS Hooks 2.0.1: "
                        + PrefetchTemplates.unsupportedTokens(template));
            }
        });
    }

    /** The discovery response: {"services": [...]}. */
    public record Discovery(List<CdsService> services) {}
}
