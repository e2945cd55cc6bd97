package org.cpd.directory.rest;

import org.cpd.commons.web.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.MatchDtos.MatchResult;
import org.cpd.directory.rest.dto.MatchDtos.SupporterView;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.MatchRequest;
import org.cpd.directory.domain.MentoringPurpose;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.domain.Subject;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.service.MatchingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supporters and matching", description = "Finding mentors and coaches, and explained matching for a learner")
public class SupporterResource {

    @Inject
    MatchingService service;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("supporters")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "searchSupporters", summary = "Search mentors and coaches",
            description = "Supporters with an active (not paused) offer in the caller's partnerships, public fields only. "
                    + "Filters combine; several expertise values match any of them. Cursor-paged by offer change.")
    @APIResponse(responseCode = "200", description = "A page of supporters", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.SUPPORTER_PAGE)))
    public Response supporters(@BeanParam PageRequest page,
                               @Parameter(description = "Only those offering this form") @QueryParam("form") SupportForm form,
                               @Parameter(description = "Expertise codes (repeat for any of several)") @QueryParam("expertise") List<String> expertise,
                               @Parameter(description = "Only those teaching this subject") @QueryParam("subject") Subject subject,
                               @Parameter(description = "Only those working in this phase") @QueryParam("phase") Phase phase,
                               @Parameter(description = "Only staff of this school (6-digit URN)") @QueryParam("schoolUrn") String schoolUrn,
                               @Parameter(description = "Only members of this partnership") @QueryParam("partnershipId") UUID partnershipId,
                               @Parameter(description = "Only those with a free place (in the given form, or any form)")
                               @QueryParam("hasCapacity") Boolean hasCapacity) {
        if (schoolUrn != null && !Identifiers.isUrn(schoolUrn)) {
            throw Problems.invalidField("schoolUrn", "must be a 6-digit URN");
        }
        var search = new MatchingService.Search(form, expertise == null ? Set.of() : new LinkedHashSet<>(expertise),
                subject == null ? null : subject.name(), phase == null ? null : phase.name(), schoolUrn, partnershipId,
                Boolean.TRUE.equals(hasCapacity));
        return PageResponses.ok(uriInfo, service.search(page, search), SupporterView::from);
    }

    @GET
    @Path("matches")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "matchSupporters", summary = "Rank supporters for a learner",
            description = "Deterministic, explained ranking of supporters for one learner and one form. Each candidate has a "
                    + "score and reasons (expertise overlap, phase, subject, school context, experience, reach, free capacity). "
                    + "Buffer zones leave out the learner's line managers and appraisers for specialist coaching and "
                    + "co-coaching; people at capacity are left out; at equal fit more free capacity ranks higher. "
                    + "With explain=true the answer says who was left out and why.")
    @APIResponse(responseCode = "200", description = "Ranked candidates", content = @Content(
            schema = @Schema(implementation = MatchResult.class), examples = @ExampleObject(name = "match", value = Examples.MATCH)))
    @APIResponse(responseCode = "404", description = "The learner is not found, or not visible to the caller.")
    public MatchResult matches(
            @Parameter(description = "The learner to find support for", required = true) @QueryParam("learnerId") UUID learnerId,
            @Parameter(description = "The form of support", required = true) @QueryParam("form") SupportForm form,
            @Parameter(description = "Mentoring: why it is sought") @QueryParam("purpose") MentoringPurpose purpose,
            @Parameter(description = "Expertise codes wanted (repeatable)") @QueryParam("expertise") List<String> expertise,
            @Parameter(description = "A previous supporter to continue with: ranked first when eligible")
            @QueryParam("continueWith") UUID continueWith,
            @Parameter(description = "How many candidates, 1 to 50 (default 10)") @QueryParam("limit") String limit,
            @Parameter(description = "Also list who was left out and why") @QueryParam("explain") Boolean explain) {
        if (learnerId == null || form == null) {
            throw Problems.invalid(java.util.stream.Stream.of(
                            learnerId == null ? new org.cpd.commons.web.Problem.FieldError("learnerId", "is required") : null,
                            form == null ? new org.cpd.commons.web.Problem.FieldError("form", "is required") : null)
                    .filter(java.util.Objects::nonNull).toList());
        }
        int size = parseLimit(limit);
        MatchRequest request = new MatchRequest(form, purpose,
                expertise == null ? Set.of() : new LinkedHashSet<>(expertise), continueWith, size);
        return MatchResult.from(learnerId, form, service.match(learnerId, request), Boolean.TRUE.equals(explain));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= 50) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problems.invalidField("limit", "must be a whole number from 1 to 50");
    }
}
