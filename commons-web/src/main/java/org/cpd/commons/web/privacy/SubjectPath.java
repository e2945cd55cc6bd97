package org.cpd.commons.web.privacy;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The person a privacy request is about, as the path {@code .../subjects/{practitionerId}/...} names them
 * ({@code @BeanParam SubjectPath subject}): one definition and one document of the parameter for every service's
 * and the gateway's operations that take a practitioner id or {@code me}.
 */
public class SubjectPath {

    @PathParam("practitionerId")
    @Parameter(description = "A practitioner id, or `me`.", schema = @Schema(maxLength = 36))
    String practitionerId;

    /** The parameter as given. */
    public String value() {
        return practitionerId;
    }

    /** The parameter parsed ({@link SubjectRef#parse}): a 400 unless it is a practitioner id or {@code me}. */
    public SubjectRef ref() {
        return SubjectRef.parse(practitionerId);
    }
}
