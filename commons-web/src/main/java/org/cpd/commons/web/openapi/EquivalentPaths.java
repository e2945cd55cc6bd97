package org.cpd.commons.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Joins path templates that differ only in parameter names ({@code /schools/{idOrUrn}} and
 * {@code /schools/{id}}): they are one URL to a client, and two templates make generators and
 * routers ambiguous. The later one's operations move to the first, their parameters renamed
 * (the name is not on the wire).
 */
final class EquivalentPaths {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private EquivalentPaths() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> firstByShape = new LinkedHashMap<>();
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            String shape = PARAMETER.matcher(path).replaceAll("{}");
            String first = firstByShape.putIfAbsent(shape, path);
            if (first == null || first.equals(path)) {
                continue;
            }
            PathItem target = openAPI.getPaths().getPathItem(first);
            PathItem source = openAPI.getPaths().getPathItem(path);
            boolean clash = source.getOperations().keySet().stream().anyMatch(m -> target.getOperations().containsKey(m));
            if (clash) {
                continue; // two operations for one method and URL: a real conflict, left visible
            }
            Map<String, String> renames = renames(path, first);
            source.getOperations().forEach((method, operation) -> {
                rename(operation, renames);
                target.setOperation(method, operation);
            });
            openAPI.getPaths().removePathItem(path);
        }
    }

    private static Map<String, String> renames(String from, String to) {
        Map<String, String> renames = new LinkedHashMap<>();
        Matcher a = PARAMETER.matcher(from);
        Matcher b = PARAMETER.matcher(to);
        while (a.find() && b.find()) {
            renames.put(a.group(1), b.group(1));
        }
        return renames;
    }

    private static void rename(Operation operation, Map<String, String> renames) {
        for (Parameter parameter : Schemas.nullSafe(operation.getParameters())) {
            if (parameter.getIn() == Parameter.In.PATH && renames.containsKey(parameter.getName())) {
                parameter.setName(renames.get(parameter.getName()));
            }
        }
    }
}
