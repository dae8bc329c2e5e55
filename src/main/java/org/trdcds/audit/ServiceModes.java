package org.trdcds.audit;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.services.<service-id>.mode}: live (default: the EHR shows the cards) or shadow (the hook answers no
 * card, with the same status codes as live, and the would-be cards are recorded as shadow cards for review).
 */
@ConfigurationProperties("cds")
public record ServiceModes(@DefaultValue Map<String, ServiceSettings> services) {

    /** A service's mode. */
    public enum Mode {
        LIVE,
        SHADOW
    }

    /** The settings of one service. */
    public record ServiceSettings(@DefaultValue("live") Mode mode) {}

    public ServiceModes {
        services = services == null ? Map.of() : Map.copyOf(new TreeMap<>(services));
    }

    public Mode mode(String serviceId) {
        ServiceSettings settings = services.get(serviceId);
        return settings == null ? Mode.LIVE : settings.mode();
    }

    public boolean shadow(String serviceId) {
        return mode(serviceId) == Mode.SHADOW;
    }

    /** Refuses a setting naming a service the catalog does not have (a typo would silently leave it live). */
    public void checkKnown(Set<String> serviceIds) {
        for (String id : services.keySet()) {
            if (!serviceIds.contains(id)) {
                throw new IllegalStateException(
                        "cds.services." + id + ".mode names no service of the catalog " + serviceIds);
            }
        }
    }
}
