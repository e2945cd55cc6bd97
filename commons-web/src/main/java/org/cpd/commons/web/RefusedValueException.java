package org.cpd.commons.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value of the right type that the API still refuses; the reason is shown beside the field. */
public class RefusedValueException extends InvalidFormatException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
