package org.trdcds.knowledge;

import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The parsed resources of fhir-profiles/: value sets by canonical URL (each checked for a complete VSAC expansion),
 * Parameters and Bundles by id, each with its path for messages.
 */
final class ParsedResources {

    private final String origin;
    final Map<String, ValueSetExpander.Source> valueSetsByUrl = new HashMap<>();
    private final Map<String, IBaseResource> byId = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();

    ParsedResources(String origin) {
        this.origin = origin;
    }

    void add(String path, IBaseResource resource) {
        if (resource instanceof ValueSet valueSet) {
            if (!valueSet.hasUrl()) {
                throw new KnowledgeLoadException(path + ": ValueSet without url");
            }
            ExpansionCompleteness.check(valueSet, path);
            ValueSetExpander.Source previous =
                    valueSetsByUrl.put(valueSet.getUrl(), new ValueSetExpander.Source(valueSet, path));
            if (previous != null) {
                throw new KnowledgeLoadException(
                        path + " and " + previous.path() + " have the same url " + valueSet.getUrl());
            }
        } else if (resource instanceof Parameters || resource instanceof Bundle) {
            String id = resource.getIdElement().getIdPart();
            if (paths.put(id, path) != null) {
                throw new KnowledgeLoadException(path + ": a second resource with id " + id);
            }
            byId.put(id, resource);
        }
    }

    Parameters parameters(String id) {
        return resource(id, Parameters.class);
    }

    /** A Parameters file that may be absent (an edited knowledge copy of an older release): null then. */
    Parameters optionalParameters(String id) {
        return byId.containsKey(id) ? parameters(id) : null;
    }

    /** The resource with this id if it is a Parameters, else null. */
    Parameters parametersIfAny(String id) {
        return byId.get(id) instanceof Parameters table ? table : null;
    }

    Bundle bundle(String id) {
        return resource(id, Bundle.class);
    }

    String pathOf(String id) {
        return paths.get(id);
    }

    private <T extends IBaseResource> T resource(String id, Class<T> type) {
        IBaseResource resource = byId.get(id);
        if (!type.isInstance(resource)) {
            throw new KnowledgeLoadException(
                    "no " + type.getSimpleName() + " with id '" + id + "' in " + origin + "/knowledge/");
        }
        return type.cast(resource);
    }
}
