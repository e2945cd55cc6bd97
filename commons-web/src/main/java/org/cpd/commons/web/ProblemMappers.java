package org.cpd.commons.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cpd.commons.domain.RuleViolation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 response. Expected failures (bad input, rules) keep
 * their message; unexpected ones become a bare 500 so no stack trace or SQL leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Instance<ProblemTranslator> translators;

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        return render(problem, uri);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation violation, UriInfo uri) {
        return render(Problems.of(violation), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return render(Problems.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return render(orCause(e, jsonParse(e)), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return render(orCause(e, jsonMapping(e)), uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return render(orCause(e, jsonMapping(e)), uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return render(orCause(e, malformed("The body could not be read as JSON")), uri);
    }

    /** A problem raised while the body was read (the streaming size limit) wins over Jackson's wrapping of it. */
    private Problem orCause(Throwable e, Problem otherwise) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof Problem problem) {
                return problem;
            }
        }
        return otherwise;
    }

    /** A duplicated key names its field; any other syntax error says where it is. */
    static Problem jsonParse(JsonParseException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (message.startsWith("Duplicate field") && parser != null) {
            String field = pointerToField(parser.getParsingContext().pathAsPointer(false).toString());
            // the context names the duplicate itself only sometimes: the message always does
            java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field ['\"](.*)['\"]").matcher(message);
            if (duplicate.find()) {
                String name = LogEscaping.escape(duplicate.group(1));
                if (!field.equals(name) && !field.endsWith("." + name)) {
                    field = field.isEmpty() ? name : field + "." + name;
                }
            }
            return Problems.invalidField(field.isEmpty() ? "body" : field, "appears more than once");
        }
        com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
        return malformed(location == null ? "The body is not well-formed JSON"
                : "The body is not well-formed JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    /** "/tags/0/name" becomes "tags[0].name". */
    static String pointerToField(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(LogEscaping.escape(name));
            }
        }
        return field.toString();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(Problems.forbidden("Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Problem mapped = problemInCauses(e);
        if (mapped != null) {
            return render(mapped, uri);
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return render(jsonParse(parse), uri);
            }
            if (t instanceof JsonMappingException mapping) {
                return render(jsonMapping(mapping), uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted: it is bad input.
            return render(Problems.badRequest("invalid-parameter",
                    "A path or query parameter has a value of the wrong type or outside its allowed values"), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String detail = status == 404 ? "No such resource" : e.getMessage();
        return render(Problem.of(status, slug, title).detail(detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response anythingElse(Throwable e, UriInfo uri) {
        Problem mapped = problemInCauses(e);
        if (mapped != null) {
            return render(mapped, uri);
        }
        if (e instanceof java.io.IOException && thrownByMultipartReader(e)) {
            return render(malformed("The multipart body is malformed or ends before its closing boundary"), uri);
        }
        return unexpected(e, uri);
    }

    /** The form reader fails with a bare IOException when a multipart body is cut short or has no boundary. */
    static boolean thrownByMultipartReader(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }

    /** Failures that surface at commit (wrapped by the transaction manager) still get their meaning. */
    Problem problemInCauses(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Problem problem) {
                return problem;
            }
            if (t instanceof RuleViolation violation) {
                return Problems.of(violation);
            }
            for (ProblemTranslator translator : translators) {
                Optional<Problem> translated = translator.translate(t);
                if (translated.isPresent()) {
                    return translated.get();
                }
            }
        }
        return null;
    }

    private static Problem jsonMapping(JsonMappingException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            // a list reader wraps a syntax error (a duplicate key inside an element) with the element's position only
            return jsonParse(parse);
        }
        String field = pathOf(e.getPath());
        if (e instanceof RefusedValueException refused) {
            return Problems.invalidField(field.isEmpty() ? "body" : field, refused.reason());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
            return Problems.invalidField(field.isEmpty() ? "body" : field, "must not be null");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return malformed("The body must be exactly one JSON document, with nothing after it");
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                && mismatched.getTargetType().isEnum() && !field.isEmpty()) {
            return Problems.invalidField(field, "must be one of " + Arrays.toString(mismatched.getTargetType().getEnumConstants()));
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String message = target != null && target.isEnum()
                    ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "must be a valid " + (target == null ? "value" : friendlyType(target));
            return Problems.invalidField(field.isEmpty() ? "body" : field, message);
        }
        if (e instanceof MismatchedInputException mismatched && !field.isEmpty()) {
            Class<?> target = mismatched.getTargetType();
            return Problems.invalidField(field, "must be a valid " + (target == null ? "value" : friendlyType(target)));
        }
        if (field.isEmpty()) {
            return malformed("The body does not have the expected shape");
        }
        return Problems.invalidField(field, "has an unexpected value");
    }

    private static String friendlyType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(LogEscaping.escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * "create.body.email" becomes "email", "create.body.forms[0].capacity" stays so (the index
     * belongs to the list, not the field); a bad query parameter keeps its own name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    if (parts.isEmpty()) {
                        parameter = (parameter == null ? "" : parameter) + "[" + position + "]";
                    } else {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
                    }
                }
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                parts.add(node.getName());
            }
        }
        if (!parts.isEmpty()) {
            return String.join(".", parts);
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static Problem malformed(String detail) {
        return Problem.of(400, "malformed-body", "Body cannot be read").detail(detail);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(render(Problem.of(401, "unauthenticated", "Authentication required")
                        .detail("Send a valid bearer token from the partnership's identity provider"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri == null ? "?" : uri.getPath(), MDC.get(RequestIds.MDC_KEY));
        return render(Problem.of(500, "internal-error", "Internal error")
                .detail("The failure was logged; quote the requestId when reporting it"), uri);
    }

    static Response render(Problem problem, UriInfo uri) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Response response = problem.toResponse(uri == null ? null : "/" + LogEscaping.escape(uri.getPath()).replaceFirst("^/", ""),
                requestId == null ? null : requestId.toString());
        if (problem.status() == 413) {
            // the rest of an oversized body is not read: the connection cannot carry another request
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }
}
