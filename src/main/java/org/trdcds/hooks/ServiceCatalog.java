package org.trdcds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The CDS services offered, loaded once from the data file cds-services.json and checked at start-up. */
@Component
public class ServiceCatalog {

    static final String RESOURCE = "cds-services.json";

    private final List<CdsService> services;
    private final Map<String, CdsService> byId;

    @Autowired
    public ServiceCatalog(ObjectMapper objectMapper) {
        this(read(objectMapper));
    }

    ServiceCatalog(List<CdsService> services) {
        services.forEach(ServiceCatalog::check);
        this.services = List.copyOf(services);
        this.byId = services.stream().collect(Collectors.toUnmodifiableMap(CdsService::id, Function.identity()));
    }

    public List<CdsService> services() {
        return services;
    }

    public Optional<CdsService> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static List<CdsService> read(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return List.of(objectMapper.readValue(in, Discovery.class).services().toArray(CdsService[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service catalog " + RESOURCE, e);
        }
    }

    private static void check(CdsService service) {
        if (service.id() == null || service.description() == null || Hook.of(service.hook()).isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": service " + service.id()
                    + " needs an id, a description and a hook this application answers");
        }
        service.prefetch().forEach((key, template) -> {
            if (!PrefetchTemplates.unsupportedTokens(template).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": prefetch " + service.id() + "." + key
                        + " uses tokens that are not CDS Hooks 2.0.1: " + PrefetchTemplates.unsupportedTokens(template));
            }
        });
    }

    /** The discovery response: {"services": [...]}. */
    public record Discovery(List<CdsService> services) {
    }
}
