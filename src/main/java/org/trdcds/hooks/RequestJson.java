package org.trdcds.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.trdcds.config.CdsLimits;

/**
 * Reads a request body into a Jackson tree under the configured nesting-depth and string-length limits. Decimals are
 * kept exact (BigDecimal, as HAPI's own JSON reader keeps them), so HAPI can parse FHIR resources straight from this
 * tree without the request being written out and read again.
 */
@Component
public class RequestJson {

    private final ObjectMapper mapper;

    public RequestJson(CdsLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .build();
        this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /** @throws CdsException 400 for malformed JSON or a body that is not an object, 413 past a JSON limit */
    JsonNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw CdsException.tooLarge("request JSON exceeds a limit (cds.limits.max-nesting-depth / "
                    + "cds.limits.max-string-length): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw CdsException.invalid("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CdsException.invalid("request body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw CdsException.invalid("request body must be a JSON object");
        }
        return root;
    }
}
