package org.cpd.commons.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;

/**
 * Idempotent creates. The key is claimed by an insert in the same transaction as the create:
 * a concurrent request with the same key waits on that row, then replays the stored outcome.
 * A failed create rolls the claim back, so the key can be retried.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentUser user;

    @Inject
    IdempotencyConfig config;

    private ObjectMapper canonicalMapper;

    @jakarta.annotation.PostConstruct
    void init() {
        // Sorted keys: the same body always hashes the same, whatever the client's field order.
        canonicalMapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
    }

    @Transactional
    public Response create(String scope, String key, Object requestBody, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw Problems.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String recordKey = sha256(scope + "\n" + user.subject() + "\n" + key);
        String requestHash = sha256(canonical(requestBody));
        int claimed = em.createNativeQuery("""
                        insert into idempotency_record (record_key, request_hash, created_at)
                        values (?1, ?2, ?3) on conflict (record_key) do nothing""")
                .setParameter(1, recordKey)
                .setParameter(2, requestHash)
                .setParameter(3, TrackedEntity.now())
                .executeUpdate();
        if (claimed == 0) {
            return replay(recordKey, requestHash, key);
        }
        Response response = action.get();
        IdempotencyRecord record = em.find(IdempotencyRecord.class, recordKey);
        record.responseStatus = response.getStatus();
        record.responseBody = response.hasEntity() ? canonical(response.getEntity()) : null;
        record.responseLocation = response.getLocation() == null ? null : response.getLocation().toString();
        return response;
    }

    private Response replay(String recordKey, String requestHash, String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, recordKey);
        if (record == null || record.responseStatus == null) {
            // Only possible if the record expired between the insert and this read.
            throw Problem.of(409, "idempotency-key-in-flight", "Request with this key is in progress").detail("Retry shortly");
        }
        if (!record.requestHash.equals(requestHash)) {
            throw Problems.unprocessable("idempotency-key-reused",
                    "Idempotency-Key " + key + " was used with a different request body");
        }
        Response.ResponseBuilder replay = Response.status(record.responseStatus).header("Idempotent-Replayed", "true");
        if (record.responseBody != null) {
            replay.entity(record.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (record.responseLocation != null) {
            replay.header("Location", record.responseLocation);
        }
        return replay.build();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldKeys() {
        em.createQuery("delete from IdempotencyRecord r where r.createdAt < :before")
                .setParameter("before", Instant.now().minus(config.retention()))
                .executeUpdate();
    }

    private String canonical(Object value) {
        try {
            return canonicalMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise for idempotency", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
