package org.cpd.testsupport.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation of a committed OpenAPI document: its operationId, HTTP method and path template. */
public record Operation(String id, String method, String path) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** GET and HEAD change nothing; every other method is checked for writes when refused. */
    public boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return id + " (" + method + " " + path + ")";
    }
}
