package org.cpd.commons.web;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Escapes control characters in log messages ({@code \u0000} for NUL) so a request's bytes never
 * reach a log raw: no NUL bytes, no forged lines. Tab is kept; line breaks in a message become
 * {@code \n}. Enabled for the console by {@code quarkus.log.console.filter=control-characters}.
 */
@LoggingFilter(name = LogEscaping.NAME)
public final class LogEscaping implements Filter {

    public static final String NAME = "control-characters";

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (formatted != null && needsEscaping(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(escape(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(escape(formatted));
                record.setParameters(null);
            }
        }
        return true;
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The text with every control character but tab written as a Java escape. */
    public static String escape(String text) {
        if (text == null || !needsEscaping(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
