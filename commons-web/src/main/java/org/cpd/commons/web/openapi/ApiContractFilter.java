package org.cpd.commons.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.cpd.commons.web.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Makes every service's document say exactly what the service does, in one place rather than on
 * each endpoint, so generated clients and the response validator of the API tests can trust it.
 * The steps run in this order because later ones rely on earlier ones: problem responses and
 * headers exist before limits are added to their schemas; nullable properties are wrapped before
 * the last step removes every {@code $ref} sibling.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PageSchemas.apply(openAPI);
        EquivalentPaths.apply(openAPI);
        Preconditions.apply(openAPI);
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        ResponseHeaders.apply(openAPI);
        NullableProperties.apply(openAPI);
        ParameterTypes.apply(openAPI);
        Limits.apply(openAPI);
        RefSiblings.apply(openAPI);
        BearerTokens.apply(openAPI);
    }
}
