package org.cpd.commons.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an example given as JSON text. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The value as maps, lists and scalars; the text itself when it is not JSON. */
    static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (Exception e) {
            return text;
        }
    }
}
