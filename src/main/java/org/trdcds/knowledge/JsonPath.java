package org.trdcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A tiny dotted path with [n] indexes ("dosageInstruction[0].timing.repeat.duration") to set values in a tree. */
public final class JsonPath {

    private JsonPath() {}

    /** Segments: String names and Integer indexes. Parsed once, at template load. */
    static List<Object> parse(String path) {
        List<Object> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            segments.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                segments.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return segments;
    }

    /** Sets the value, creating missing objects and array slots on the way. */
    public static void set(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = child(node, path.get(i), path.get(i + 1) instanceof Integer);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) node;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) node).set((String) last, value);
        }
    }

    private static JsonNode child(JsonNode node, Object segment, boolean nextIsIndex) {
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) node;
            while (array.size() <= index) {
                array.addObject();
            }
            return array.get(index);
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode child = object.get((String) segment);
        if (child == null || child.isNull() || (nextIsIndex != child.isArray())) {
            child = nextIsIndex ? object.putArray((String) segment) : object.putObject((String) segment);
        }
        return child;
    }
}
