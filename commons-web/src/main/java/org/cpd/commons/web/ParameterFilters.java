package org.cpd.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses control characters (docs/problems.md#input-bounds) in decoded path and query parameters,
 * form fields and upload file names before any resource sees them, naming each bad parameter.
 */
public class ParameterFilters {

    @ServerRequestFilter
    public void parameters(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(true), errors);
        collect(request.getUriInfo().getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    /** Runs once the form is read, so file names and form fields are checked before the resource uses them. */
    @ServerRequestFilter
    @WithFormRead
    public void form(ResteasyReactiveContainerRequestContext request) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)) {
            return;
        }
        FormData form = context.getFormData();
        if (form == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : form) {
            for (FormValue value : form.get(name)) {
                if (value.isFileItem()) {
                    if (value.getFileName() != null && InputBounds.hasControlCharacter(value.getFileName())) {
                        errors.add(new Problem.FieldError(name, "file name " + InputBounds.CONTROL_CHARACTERS));
                    }
                } else if (value.getValue() != null && InputBounds.hasControlCharacter(value.getValue())) {
                    errors.add(new Problem.FieldError(name, InputBounds.CONTROL_CHARACTERS));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean bad = InputBounds.hasControlCharacter(parameter.getKey());
            for (String value : parameter.getValue()) {
                bad |= value != null && InputBounds.hasControlCharacter(value);
            }
            if (bad) {
                errors.add(new Problem.FieldError(printable(parameter.getKey()), InputBounds.CONTROL_CHARACTERS));
            }
        }
    }

    private static String printable(String name) {
        return LogEscaping.escape(name);
    }
}
