package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.PractitionerMergedData;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.SupportForm;

/**
 * The local copy of directory facts (practitioners, line management, capacity): written by the
 * directory consumer, read by the rules. Writes and locks need the caller's transaction.
 */
@ApplicationScoped
public class DirectoryReadModel {

    /** A supporter's declared capacity for one form. */
    public record Capacity(SupportForm form, int capacity, boolean paused) {
    }

    @Inject
    EntityManager em;

    /** Applies the practitioner's full state; {@code forceActive} overrides the flag (deactivation events). */
    public void upsert(PractitionerData d, Boolean forceActive) {
        if (d == null || d.id() == null) {
            return;
        }
        KnownPractitioner p = KnownPractitioner.findById(d.id());
        boolean isNew = p == null;
        if (isNew) {
            p = new KnownPractitioner();
            p.id = d.id();
        }
        boolean active = forceActive != null ? forceActive : d.active();
        UUID[] partnerships = array(d.partnershipIds());
        UUID[] managers = array(d.lineManagerIds());
        UUID[] appraisers = array(d.appraiserIds());
        // only real changes touch the row, so version/updatedAt mean "the directory changed something"
        if (!isNew && p.active == active
                && Objects.equals(p.schoolUrn, d.schoolUrn()) && Objects.equals(p.organisationId, d.organisationId())
                && Objects.equals(p.careerStage, d.careerStage()) && Arrays.equals(p.partnershipIds, partnerships)
                && Arrays.equals(p.lineManagerIds, managers) && Arrays.equals(p.appraiserIds, appraisers)) {
            return;
        }
        p.active = active;
        p.schoolUrn = d.schoolUrn();
        p.organisationId = d.organisationId();
        p.careerStage = d.careerStage();
        p.partnershipIds = partnerships;
        p.lineManagerIds = managers;
        p.appraiserIds = appraisers;
        if (isNew) {
            p.persist();
        }
    }

    /**
     * A directory merge: the retired id now stands for the survivor. The retired row is kept, inactive and naming
     * the survivor (created from the event when this service never saw it). Replays change nothing.
     */
    public void merged(PractitionerMergedData d) {
        if (d == null || d.retiredId() == null || d.survivorId() == null) {
            return;
        }
        KnownPractitioner p = KnownPractitioner.findById(d.retiredId());
        if (p == null) {
            p = new KnownPractitioner();
            p.id = d.retiredId();
            p.partnershipIds = array(d.partnershipIds());
            p.active = false;
            p.mergedInto = d.survivorId();
            p.persist();
            return;
        }
        if (!p.active && d.survivorId().equals(p.mergedInto)) {
            return;
        }
        p.active = false;
        p.mergedInto = d.survivorId();
    }

    /** Empties the read model, for a rebuild from cpd.directory.events (no other table refers to it). */
    public void clear() {
        em.createNativeQuery("delete from supporter_capacity").executeUpdate();
        em.createNativeQuery("delete from practitioner").executeUpdate();
    }

    /** Replaces the practitioner's capacities: a form absent from the offer is no longer offered. */
    public void replaceCapacity(UUID practitionerId, boolean paused, Map<SupportForm, Integer> byForm) {
        List<String> kept = byForm.keySet().stream().map(Enum::name).toList();
        var delete = em.createNativeQuery(kept.isEmpty()
                        ? "delete from supporter_capacity where practitioner_id = :p"
                        : "delete from supporter_capacity where practitioner_id = :p and form not in (:kept)")
                .setParameter("p", practitionerId);
        if (!kept.isEmpty()) {
            delete.setParameter("kept", kept);
        }
        delete.executeUpdate();
        byForm.forEach((form, capacity) -> em.createNativeQuery("""
                        insert into supporter_capacity (practitioner_id, form, capacity, paused, updated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (practitioner_id, form) do update
                        set capacity = excluded.capacity, paused = excluded.paused, updated_at = excluded.updated_at""")
                .setParameter(1, practitionerId)
                .setParameter(2, form.name())
                .setParameter(3, capacity)
                .setParameter(4, paused)
                .setParameter(5, TrackedEntity.now())
                .executeUpdate());
    }

    public Optional<KnownPractitioner> practitioner(UUID id) {
        return KnownPractitioner.findByIdOptional(id);
    }

    public List<KnownPractitioner> practitioners(Collection<UUID> ids) {
        return KnownPractitioner.list("id in ?1", ids);
    }

    public Map<SupportForm, Capacity> capacities(UUID practitionerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select form, capacity, paused from supporter_capacity where practitioner_id = ?1")
                .setParameter(1, practitionerId)
                .getResultList();
        Map<SupportForm, Capacity> result = new EnumMap<>(SupportForm.class);
        for (Object[] row : rows) {
            SupportForm form = SupportForm.valueOf((String) row[0]);
            result.put(form, new Capacity(form, ((Number) row[1]).intValue(), (Boolean) row[2]));
        }
        return result;
    }

    /**
     * Locks the supporter's capacity row for {@code form} until the transaction ends, so
     * concurrent proposals to the same supporter are counted one after the other (ADR 0021,
     * docs/architecture.md#rule-4-capacity).
     */
    public Optional<Capacity> lockCapacity(UUID practitionerId, SupportForm form) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select capacity, paused from supporter_capacity where practitioner_id = ?1 and form = ?2 for update")
                .setParameter(1, practitionerId)
                .setParameter(2, form.name())
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Capacity(form, ((Number) r[0]).intValue(), (Boolean) r[1]));
    }

    /** How many practitioners the directory has told this service about, and its latest change. */
    public Summary summary() {
        Object[] row = (Object[]) em.createQuery("select count(p), max(p.updatedAt) from KnownPractitioner p")
                .getSingleResult();
        return new Summary(((Number) row[0]).longValue(), (java.time.Instant) row[1]);
    }

    public record Summary(long practitioners, java.time.Instant lastChange) {
    }

    private static UUID[] array(Set<UUID> ids) {
        return ids == null ? new UUID[0] : ids.stream().sorted().toArray(UUID[]::new);
    }
}
