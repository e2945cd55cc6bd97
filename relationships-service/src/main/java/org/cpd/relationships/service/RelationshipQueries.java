package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.api.ParticipantView;
import org.cpd.relationships.api.RelationshipDto;
import org.cpd.relationships.domain.Actor;
import org.cpd.relationships.domain.Form;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.events.KnownPractitioner;
import org.cpd.relationships.events.ReadModel;
import org.cpd.relationships.persistence.RelationshipRepository;

/** Read-side use cases: lists and what the service knows of a practitioner. */
@ApplicationScoped
public class RelationshipQueries {

    @Inject
    ReadModel readModel;

    @Inject
    RelationshipRepository relationships;

    public Response list(Actor actor, String participant, List<RelationshipStatus> statuses, Form form,
                         PageRequest page, UriInfo uriInfo) {
        Criteria c = Criteria.where()
                .and("status in :statuses", "statuses", statuses == null || statuses.isEmpty() ? null : statuses)
                .and("form = :form", "form", form);
        if (participant != null) {
            UUID who = resolve(participant, actor);
            c.and("id in (select p.relationship.id from Participant p where p.practitionerId = :who)", "who", who);
        } else if (actor.schoolLead() && !actor.schoolUrns().isEmpty()) {
            c.and("id in (select p.relationship.id from Participant p where p.schoolUrn in :urns)", "urns", actor.schoolUrns());
        } else {
            throw Problems.invalidField("participant", "give `me` or a practitioner id");
        }
        Page<Relationship> p = Paging.page(page, c, Relationship.class);
        return Paging.ok(uriInfo, p, RelationshipDto::from);
    }

    /** `me`, or a practitioner the caller may look at: themselves, or one of their schools' staff as school lead. */
    UUID resolve(String participant, Actor actor) {
        if ("me".equals(participant)) {
            return actor.practitioner().orElseThrow(
                    () -> Problems.forbidden("The token names no practitioner, so `me` means nobody"));
        }
        UUID id;
        try {
            id = UUID.fromString(participant);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("participant", "must be `me` or a practitioner id (UUID)");
        }
        if (actor.isPractitioner(id)) {
            return id;
        }
        KnownPractitioner p = readModel.practitioner(id).orElse(null);
        boolean lead = p != null && actor.leadsSchool(p.schoolUrn);
        boolean admin = p != null && actor.partnershipAdmin()
                && java.util.Arrays.stream(p.partnershipIds).anyMatch(actor.partnershipIds()::contains);
        if (!lead && !admin) {
            throw Problems.forbidden("You may list only your own relationships or those of your schools' practitioners");
        }
        return id;
    }

    public ParticipantView participant(UUID practitionerId) {
        KnownPractitioner p = readModel.practitioner(practitionerId)
                .orElseThrow(() -> Problems.notFound("practitioner", practitionerId));
        Map<Form, Long> load = relationships.loadBySupporter(practitionerId);
        List<ParticipantView.FormCapacity> capacity = readModel.capacities(practitionerId).values().stream()
                .map(c -> {
                    long used = load.getOrDefault(c.form(), 0L);
                    return new ParticipantView.FormCapacity(c.form(), c.capacity(), c.paused(), used,
                            c.paused() ? 0 : Math.max(0, c.capacity() - used));
                }).toList();
        return new ParticipantView(p.id, p.active, p.schoolUrn, p.organisationId,
                List.of(p.partnershipIds), capacity, p.version, p.updatedAt);
    }
}
