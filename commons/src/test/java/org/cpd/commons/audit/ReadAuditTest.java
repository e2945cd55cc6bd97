package org.cpd.commons.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Reads are audited off the request's path (docs/performance.md): the entry is written by the background
 * writer, complete, and none is lost on a burst, a full queue or a graceful shutdown.
 */
@QuarkusTest
class ReadAuditTest {

    @Inject
    AuditLog audit;

    @Inject
    ReadAudit reads;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    long entriesAbout(String resourceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where resource_id = ?1").setParameter(1, resourceId)
                .getSingleResult()).longValue());
    }

    void inRequest(Runnable work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            work.run();
        } finally {
            request.terminate();
        }
    }

    @Test
    void aReadsEntryIsWrittenBehindWithEverythingItSays() {
        String id = UUID.randomUUID().toString();
        UUID person = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        inRequest(() -> audit.entry("read", "practitioner", id).about(person, List.of(partnership))
                .details("shared SCHOOL").record());

        reads.flush();

        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from AuditEntry where resourceId = :id", AuditEntry.class).setParameter("id", id).getSingleResult());
        assertThat(entry.action).isEqualTo("read");
        assertThat(entry.resourceType).isEqualTo("practitioner");
        assertThat(entry.subjectPersonId).isEqualTo(person);
        assertThat(entry.partnershipIds).containsExactly(partnership);
        assertThat(entry.details).isEqualTo("shared SCHOOL");
        assertThat(entry.actor).isEqualTo("anonymous");
        assertThat(entry.occurredAt).isNotNull();
    }

    @Test
    void aBurstOfReadsGivesOneEntryEach() {
        String id = UUID.randomUUID().toString();
        inRequest(() -> {
            for (int i = 0; i < 2_000; i++) {
                audit.entry("read", "goal", id).record();
            }
        });

        reads.flush();

        assertThat(entriesAbout(id)).isEqualTo(2_000);
    }

    @Test
    void aChangesEntryIsWrittenInTheChangesTransaction() {
        String id = UUID.randomUUID().toString();
        inRequest(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.entry("update", "goal", id).record();
            assertThat(((Number) em.createNativeQuery("select count(*) from audit_entry where resource_id = ?1")
                    .setParameter(1, id).getSingleResult()).longValue()).isEqualTo(1); // flushed in this transaction
        }));

        assertThat(entriesAbout(id)).isEqualTo(1);
    }

    record Settings(int readQueueCapacity, int readBatchSize, Duration readFlushInterval) implements AuditConfig {
    }

    /** A writer of its own that never flushes by itself, on the service's datasource. */
    ReadAudit idleWriter(int capacity) {
        ReadAudit writer = new ReadAudit();
        writer.dataSource = dataSource;
        writer.registry = new SimpleMeterRegistry();
        writer.config = new Settings(capacity, 100, Duration.ofHours(1));
        writer.start();
        return writer;
    }

    ReadAudit.Row row(String id) {
        return new ReadAudit.Row(java.time.Instant.now(), "lead-1", UUID.randomUUID(), "cpd-portal", "read", "goal",
                id, UUID.randomUUID(), new UUID[] {UUID.randomUUID()}, null, null, "req-1");
    }

    @Test
    void aGracefulShutdownWritesEveryQueuedEntry() {
        ReadAudit writer = idleWriter(10_000);
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 1_234; i++) {
            writer.record(row(id));
        }
        assertThat(entriesAbout(id)).isZero();

        writer.onShutdown(null);

        assertThat(entriesAbout(id)).isEqualTo(1_234);
        writer.record(row(id)); // a read answered during shutdown is written at once
        assertThat(entriesAbout(id)).isEqualTo(1_235);
    }

    @Test
    void aFullQueueWritesTheEntryAtOnceInsteadOfDroppingIt() {
        ReadAudit writer = idleWriter(3);
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            writer.record(row(id));
        }

        assertThat(entriesAbout(id)).isEqualTo(2); // the two that found the queue full
        writer.flush();
        assertThat(entriesAbout(id)).isEqualTo(5);
        writer.stop();
    }
}
