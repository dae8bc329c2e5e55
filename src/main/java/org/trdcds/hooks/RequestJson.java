package org.trdcds.hooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.trdcds.edge.CdsLimits;

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
        this.mapper = JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{...} {...}" or "{...} x" is not one object
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // no "last key wins" for hook or patientId
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    private static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return "a duplicate key";
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return "content after the JSON object";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the body ends inside the JSON";
        }
        return "malformed JSON";
    }

    private static String at(JsonLocation location) {
        if (location == null) {
            return "";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr() + " (byte offset "
                + location.getByteOffset() + ")";
    }

    /** @throws CdsException 400 for malformed JSON or a body that is not an object, 413 past a JSON limit */
    JsonNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw CdsException.tooLarge("request JSON exceeds a limit (cds.limits.max-nesting-depth / "
                    + "cds.limits.max-string-length) " + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            // the position only: Jackson's message quotes the body ("Unrecognized token 'Smith'")
            throw CdsException.invalid("request body is not valid JSON: " + problem(e) + " " + at(e.getLocation()));
        } catch (IOException e) {
            throw CdsException.invalid("request body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw CdsException.invalid("request body must be a JSON object");
        }
        return root;
    }
}
