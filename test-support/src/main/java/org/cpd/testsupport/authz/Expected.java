package org.cpd.testsupport.authz;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome a table cell declares: one status ({@code 404}), a class ({@code 2xx}) or a few
 * alternatives separated by {@code |} ({@code 200|204}).
 */
public record Expected(String text, List<String> alternatives) {

    public static Expected parse(String text) {
        List<String> alternatives = Arrays.stream(text.split("\\|")).map(String::trim).toList();
        for (String a : alternatives) {
            if (!a.matches("[1-5](\\d\\d|xx)")) {
                throw new IllegalArgumentException("Not a status or status class: '" + a + "' in '" + text + "'");
            }
        }
        return new Expected(text.trim(), alternatives);
    }

    public boolean matches(int status) {
        String actual = String.valueOf(status);
        return alternatives.stream().anyMatch(a -> a.endsWith("xx") ? a.charAt(0) == actual.charAt(0) : a.equals(actual));
    }

    /** True when every alternative is a refusal (4xx): the request must then write nothing. */
    public boolean isRefusal() {
        return alternatives.stream().allMatch(a -> a.startsWith("4"));
    }

    @Override
    public String toString() {
        return text;
    }
}
