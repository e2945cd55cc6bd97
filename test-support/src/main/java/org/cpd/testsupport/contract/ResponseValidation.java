package org.cpd.testsupport.contract;

import static java.util.function.Predicate.not;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.cpd.testsupport.OpenApiDrift;

/** Installs the response validator for the committed document of the module under test, once per class loader. */
public final class ResponseValidation {

    /** The validator's key for a request to a path the document does not have. */
    static final String PATH_MISSING = "validation.request.path.missing";

    private static final String GATEWAY = "gateway";
    private static final String NON_API = "/q/";

    private static boolean installed;

    private ResponseValidation() {
    }

    public static synchronized void installForModule() {
        if (installed) {
            return;
        }
        installed = true;
        String module = Path.of("").toAbsolutePath().getFileName().toString();
        Path document = OpenApiDrift.repositoryRoot().resolve("docs/openapi/" + module + ".yaml");
        if (Files.exists(document)) {
            // The gateway's tests relay every path but its own few to WireMock stubs answering the test's
            // fixtures, not a service's answers; the services' suites check those against their documents.
            Predicate<String> relayed = module.equals(GATEWAY) ? not(ownPaths(document)) : path -> false;
            RestAssured.filters(new ApiResponses(validator(document), relayed, methods(document)));
        }
    }

    public static Filter filter(Path document) {
        return new ApiResponses(validator(document), path -> false, methods(document));
    }

    /** The methods the document declares, by path template (as a pattern). */
    static Map<Pattern, Set<String>> methods(Path document) {
        Map<Pattern, Set<String>> methods = new LinkedHashMap<>();
        try {
            var paths = new ObjectMapper(new YAMLFactory()).readTree(document.toFile()).path("paths");
            paths.fieldNames().forEachRemaining(template -> {
                Set<String> declared = new HashSet<>();
                paths.path(template).fieldNames().forEachRemaining(m -> declared.add(m.toUpperCase(Locale.ROOT)));
                methods.put(asPattern(template), declared);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }

    /** True for a request path that matches one of the document's path templates. */
    static Predicate<String> ownPaths(Path document) {
        List<Pattern> templates = new ArrayList<>();
        try {
            new ObjectMapper(new YAMLFactory()).readTree(document.toFile()).path("paths").fieldNames().forEachRemaining(
                    template -> templates.add(asPattern(template)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path -> templates.stream().anyMatch(t -> t.matcher(path).matches());
    }

    /** A path template as a pattern: {@code /api/v1/things/{id}} matches one segment for {@code {id}}. */
    private static Pattern asPattern(String template) {
        StringBuilder pattern = new StringBuilder();
        for (String part : template.split("\\{[^/]+}", -1)) {
            pattern.append(Pattern.quote(part)).append("[^/]+");
        }
        return Pattern.compile(pattern.substring(0, pattern.length() - "[^/]+".length()));
    }

    /**
     * Checks every response except those of the non-API endpoints under /q/ (health, metrics, the
     * served document), which no document describes, and those of paths the module relays.
     */
    private record ApiResponses(OpenApiInteractionValidator validator, Predicate<String> relayed,
                                Map<Pattern, Set<String>> methods) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            String path = request.getDerivedPath();
            if (path.startsWith(NON_API) || relayed.test(path)) {
                return context.next(request, response);
            }
            if (isUndeclaredMethodOfADeclaredPath(path, request.getMethod())) {
                // A test sending a method the path does not have on purpose: the only answer the
                // document allows is 405 (there is no operation to check a response against).
                Response answered = context.next(request, response);
                if (answered.statusCode() != 405) {
                    throw new AssertionError(request.getMethod() + " " + path + " is no operation of the document, "
                            + "yet it was answered " + answered.statusCode() + " instead of 405");
                }
                return answered;
            }
            // Only the response is validated: validating the request too (even at level IGNORE) would
            // parse and check every deliberately malformed body, and the fuzzer's 100,000-item arrays
            // made tens of thousands of messages per request, more than a small test heap holds.
            Response answered = context.next(request, response);
            ValidationReport report = validator.validateResponse(path,
                    Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT)), RestAssuredResponse.of(answered));
            if (report.hasErrors()) {
                throw new OpenApiValidationFilter.OpenApiValidationException(report);
            }
            return answered;
        }

        private boolean isUndeclaredMethodOfADeclaredPath(String path, String method) {
            List<Set<String>> matching = methods.entrySet().stream().filter(e -> e.getKey().matcher(path).matches())
                    .map(Map.Entry::getValue).toList();
            return !matching.isEmpty() && matching.stream().noneMatch(declared -> declared.contains(method));
        }
    }

    /**
     * Every response is judged, whatever the request: tests send bad requests on purpose, and the
     * problem the server answers must be declared too. Of the request only its path and method
     * count (an API call the document does not have cannot have its response checked, so it fails).
     * The exemptions are made before the validator, in {@link ApiResponses}.
     */
    public static OpenApiInteractionValidator validator(Path document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(AsOpenApi30.of(document))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel(PATH_MISSING, ValidationReport.Level.ERROR)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }
}
