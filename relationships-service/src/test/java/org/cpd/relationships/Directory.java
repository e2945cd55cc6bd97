package org.cpd.relationships;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.cpd.relationships.repository.PartnershipSettingRepository;
import org.cpd.testsupport.CloudEventsOnKafka;

/**
 * Test fixture for directory facts. {@code practitioner(...)} writes the read model directly
 * (fast, for rule tests); {@link #send} goes through the real broker like directory-service.
 */
@ApplicationScoped
public class Directory {

    public static final UUID PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000001");
    public static final UUID OTHER_PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000002");
    public static final String URN = "100001";

    @Inject
    DirectoryReadModel readModel;

    @Inject
    PartnershipSettingRepository settings;

    @Inject
    ObjectMapper json;

    /** A fresh active practitioner of school {@code urn} in the demo partnership. */
    public UUID practitioner(String urn) {
        return practitioner(urn, PARTNERSHIP, Set.of(), Set.of());
    }

    public UUID practitioner(String urn, UUID partnership, Set<UUID> lineManagers, Set<UUID> appraisers) {
        UUID id = UUID.randomUUID();
        put(new PractitionerData(id, urn, null, Set.of(partnership),
                "TEACHER", true, lineManagers, appraisers));
        return id;
    }

    public void put(PractitionerData data) {
        QuarkusTransaction.requiringNew().run(() -> readModel.upsert(data, null));
    }

    public void deactivate(UUID id, String urn) {
        QuarkusTransaction.requiringNew().run(() -> readModel.upsert(
                new PractitionerData(id, urn, null, Set.of(PARTNERSHIP), "TEACHER", false, Set.of(), Set.of()), false));
    }

    /** A fresh practitioner of school {@link #URN} who supports up to {@code capacity} learners at once in {@code form}. */
    public UUID supporter(SupportForm form, int capacity) {
        UUID id = practitioner(URN);
        capacity(id, form, capacity);
        return id;
    }

    public void capacity(UUID supporter, SupportForm form, int capacity) {
        QuarkusTransaction.requiringNew().run(() -> readModel.replaceCapacity(supporter, false, Map.of(form, capacity)));
    }

    public void capacities(UUID supporter, Map<SupportForm, Integer> byForm) {
        QuarkusTransaction.requiringNew().run(() -> readModel.replaceCapacity(supporter, false, byForm));
    }

    public void allowCrossPartnership(UUID partnership) {
        QuarkusTransaction.requiringNew().run(() -> settings.setCrossPartnership(partnership, true));
    }

    /** Publishes an event on cpd.directory.events exactly as directory-service does; returns its id. */
    public String send(String eventId, String type, UUID subject, Object data) {
        try {
            return CloudEventsOnKafka.send(DirectoryEvents.TOPIC, eventId, type, DirectoryEvents.SOURCE,
                    subject.toString(), json.writeValueAsString(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SupportOfferData offer(UUID practitioner, Map<String, Integer> capacityByForm) {
        return new SupportOfferData(practitioner, false, capacityByForm, Set.of("INDUCTION"), Set.of("ASSESSMENT_FOR_LEARNING"),
                Set.of("IN_SCHOOL"));
    }
}
