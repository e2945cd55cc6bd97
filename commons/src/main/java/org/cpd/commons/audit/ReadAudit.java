package org.cpd.commons.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The audit of reads, written off the request's path: {@link AuditLog} hands each read's entry here, a
 * background thread writes them in JDBC batches every {@code cpd.audit.read-flush-interval}, and a graceful
 * shutdown writes what is left before the datasource closes. A full queue writes the entry at once on the
 * request's thread (in its transaction when it has one) rather than dropping it. Changes are not audited
 * here: their entries stay in the change's transaction ({@link AuditLog}).
 */
@ApplicationScoped
public class ReadAudit {

    static final String INSERT = """
            insert into audit_entry (occurred_at, actor, actor_practitioner_id, client_id, action, resource_type,
                                     resource_id, subject_person_id, partnership_ids, reason, details, request_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** One entry as the request saw it: who, when and about what, taken before the request ends. */
    record Row(Instant occurredAt, String actor, UUID actorPractitionerId, String clientId, String action,
               String resourceType, String resourceId, UUID subjectPersonId, UUID[] partnershipIds, String reason,
               String details, String requestId) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    AuditConfig config;

    private WriteBehind<Row> queue;
    private Counter writtenAtOnce;

    @PostConstruct
    void start() {
        writtenAtOnce = registry.counter("cpd.audit.reads.written.at.once");
        queue = new WriteBehind<>("audit-writer", config.readQueueCapacity(), config.readBatchSize(),
                config.readFlushInterval(), this::insert);
        registry.gauge("cpd.audit.reads.queued", this, r -> r.queue.queued());
    }

    void record(Row row) {
        if (!queue.offer(row)) {
            writtenAtOnce.increment();
        }
    }

    /**
     * Writes every read entry recorded so far in this process before returning: the audit API calls it
     * before it reads, so an entry is there as soon as the read that made it has answered.
     */
    public void flush() {
        queue.flush();
    }

    /** Graceful shutdown: the last entries are written while the datasource is open (it closes with the container, after this event). */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        queue.stop();
    }

    @PreDestroy
    void stop() {
        queue.stop(); // already done on a graceful shutdown
    }

    /** Writes one batch, committing it on its own when the thread has no transaction (the worker's never has). */
    private void insert(List<Row> rows) {
        try (Connection connection = dataSource.getConnection()) {
            boolean own = connection.getAutoCommit() && rows.size() > 1;
            if (own) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setObject(1, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
                    insert.setString(2, row.actor());
                    insert.setObject(3, row.actorPractitionerId(), Types.OTHER);
                    insert.setString(4, row.clientId());
                    insert.setString(5, row.action());
                    insert.setString(6, row.resourceType());
                    insert.setString(7, row.resourceId());
                    insert.setObject(8, row.subjectPersonId(), Types.OTHER);
                    insert.setArray(9, connection.createArrayOf("uuid", row.partnershipIds()));
                    insert.setString(10, row.reason());
                    insert.setString(11, row.details());
                    insert.setString(12, row.requestId());
                    insert.addBatch();
                }
                insert.executeBatch();
                if (own) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit entries not written: " + e.getMessage(), e);
        }
    }
}
