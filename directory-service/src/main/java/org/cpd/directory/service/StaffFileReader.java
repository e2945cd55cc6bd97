package org.cpd.directory.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.directory.domain.StaffFile;
import org.cpd.directory.domain.StaffFile.Column;

/**
 * Reads a staff file (CSV or a JSON array of objects) row by row from the request's stream, so the file
 * itself is never held in memory: only each row, as read. A problem with the whole file (unreadable,
 * wrong delimiter, missing columns, too large) is thrown before any row is handed on to be applied.
 */
final class StaffFileReader {

    /** What the reader was told about the file. */
    record Source(InputStream body, StaffSyncService.Format format, String charset, int maxRows) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StaffFileReader() {
    }

    /**
     * Hands each row (its columns by {@link Column}) to {@code rows}; answers the columns the file has.
     * The header is checked before the first row is handed on.
     */
    static Set<Column> read(Source source, Consumer<Map.Entry<Long, Map<Column, String>>> rows) {
        // The bytes are limited by the HTTP layer's upload limit (docs/problems.md#input-bounds); rows here.
        try {
            return source.format() == StaffSyncService.Format.JSON ? readJson(source.body(), source.maxRows(), rows)
                    : readCsv(reader(source.body(), source.charset()), source.maxRows(), rows);
        } catch (IOException | UncheckedIOException e) {
            throw RuleViolation.invalid("malformed-csv", "The staff file cannot be read: " + e.getMessage() + "; nothing was written");
        }
    }

    private static Reader reader(InputStream in, String charset) {
        String name = charset == null ? "utf-8" : charset.toLowerCase(Locale.ROOT);
        // ISO-8859-1 is what many HTTP clients label any text with; it and Windows-1252 agree on every printable
        // character, so such a file is read like an unlabelled one (UTF-8 if it is UTF-8).
        if (List.of("utf-8", "utf8", "iso-8859-1", "latin1", "us-ascii").contains(name)) {
            return new Utf8OrWindows1252Reader(in);
        }
        if (name.equals("windows-1252") || name.equals("cp1252")) {
            return new InputStreamReader(in, Charset.forName("windows-1252"));
        }
        throw RuleViolation.of(RuleViolation.Kind.UNSUPPORTED_CONTENT, "unsupported-media-type",
                "A staff file is read as UTF-8 (with or without a byte-order mark) or Windows-1252, not " + charset);
    }

    private static Set<Column> readCsv(Reader in, int maxRows, Consumer<Map.Entry<Long, Map<Column, String>>> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(in)) {
            List<String> names = parser.getHeaderNames();
            if (names.stream().anyMatch(n -> n.chars().anyMatch(Character::isISOControl))) {
                throw malformed(1, "a column name contains control characters");
            }
            if (names.size() == 1) {
                for (String delimiter : List.of(";", "\t", "|")) {
                    if (names.get(0).contains(delimiter)) {
                        throw RuleViolation.invalid("malformed-csv", "The columns are separated by '"
                                + (delimiter.equals("\t") ? "\\t" : delimiter) + "': send comma-separated values; nothing was written")
                                .with("line", 1);
                    }
                }
            }
            Map<Integer, Column> columns = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                Column.named(names.get(i)).ifPresent(c -> columns.putIfAbsent(index, c));
            }
            Set<Column> header = columns.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(columns.values());
            requireColumns(header);
            Iterator<CSVRecord> records = parser.iterator();
            long count = 0;
            while (true) {
                // A record that cannot be read is reported at the line where it starts (an unterminated quote runs to the end).
                long startLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(startLine, "the record starting here cannot be read (an unterminated quote?)");
                }
                if (++count > maxRows) {
                    throw tooLarge("A staff file has at most " + maxRows + " rows");
                }
                Map<Column, String> values = new EnumMap<>(Column.class);
                columns.forEach((index, column) -> values.put(column, index < record.size() ? record.get(index) : null));
                rows.accept(Map.entry(startLine, values));
            }
            return header;
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("malformed-csv", "The staff file is not a CSV with a header row: " + e.getMessage()
                    + "; nothing was written");
        }
    }

    private static Set<Column> readJson(InputStream in, int maxRows, Consumer<Map.Entry<Long, Map<Column, String>>> rows) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw malformedJson("send a JSON array of staff objects");
            }
            long count = 0;
            Set<Column> header = EnumSet.noneOf(Column.class);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                if (++count > maxRows) {
                    throw tooLarge("A staff file has at most " + maxRows + " rows");
                }
                Map<Column, String> values = new EnumMap<>(Column.class);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    Optional<Column> column = Column.named(json.currentName());
                    JsonToken value = json.nextToken();
                    String text = switch (value) {
                        case VALUE_STRING, VALUE_NUMBER_INT -> json.getText();
                        case VALUE_NULL -> null;
                        case START_ARRAY -> joinStrings(json);
                        default -> {
                            json.skipChildren();
                            throw malformedJson("item " + count + ": " + json.currentName() + " must be a string, a whole number or a list of strings");
                        }
                    };
                    column.ifPresent(c -> values.put(c, text));
                }
                if (count == 1) {
                    // the first object's members are the file's columns, as a CSV's header is
                    header.addAll(values.keySet());
                    requireColumns(header);
                }
                rows.accept(Map.entry(count, values));
            }
            if (json.currentToken() != JsonToken.END_ARRAY || json.nextToken() != null) {
                throw malformedJson("send a JSON array of staff objects, and nothing after it");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw malformedJson(e.getOriginalMessage());
        }
    }

    private static String joinStrings(JsonParser json) throws IOException {
        List<String> parts = new ArrayList<>();
        while (json.nextToken() == JsonToken.VALUE_STRING) {
            parts.add(json.getText());
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            throw malformedJson("a list holds strings only");
        }
        return String.join(";", parts);
    }

    private static void requireColumns(Set<Column> header) {
        List<String> missing = StaffFile.missingColumns(header);
        if (!missing.isEmpty()) {
            throw RuleViolation.invalidField("header", "missing columns " + missing + "; nothing was written");
        }
    }

    private static RuleViolation malformed(long line, String problem) {
        return RuleViolation.invalid("malformed-csv", "Line " + line + ": " + problem + "; nothing was written").with("line", line);
    }

    private static RuleViolation malformedJson(String problem) {
        return RuleViolation.invalid("malformed-body", "The staff file is not JSON of the expected shape: " + problem + "; nothing was written");
    }

    private static RuleViolation tooLarge(String detail) {
        return RuleViolation.of(RuleViolation.Kind.TOO_LARGE, "payload-too-large", detail + "; nothing was written");
    }

}
