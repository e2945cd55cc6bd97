package org.cpd.directory.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.domain.SupporterCandidate;

/**
 * Supporter rows for search and matching in one round trip (offer + practitioner + school + load),
 * in plain SQL so array operators use their GIN indexes and no entity is built for thousands of rows.
 */
@ApplicationScoped
public class SupporterQueries {

    /** Optional filters; null means "any". */
    public record Filter(SupportForm form, Collection<String> anyExpertise, String subject, String phase, String schoolUrn,
                         Collection<UUID> withinPartnerships, UUID partnershipId, boolean hasCapacity,
                         Collection<UUID> onlyIds) {
    }

    /** Keyset position on (offer updated_at, id). */
    public record After(Instant updatedAt, UUID id) {
    }

    private static final String SELECT = """
            select p.id, p.full_name, p.career_stage, p.subjects, p.phases, p.partnership_ids, p.school_id, s.urn, s.name,
                   p.organisation_id, o.profile,
                   o.mentoring_capacity, o.specialist_coaching_capacity, o.co_coaching_capacity,
                   o.mentoring_accreditation, o.specialist_coaching_accreditation, o.co_coaching_accreditation,
                   coalesce(l.mentoring, 0), coalesce(l.specialist_coaching, 0), coalesce(l.co_coaching, 0),
                   o.mentoring_purposes, o.expertise_codes, o.terms, o.weekdays, o.work_modes, o.updated_at
            from support_offer o
            join practitioner p on p.id = o.id
            left join school s on s.id = p.school_id
            left join supporter_load l on l.practitioner_id = o.id
            where p.active and not o.paused""";

    @Inject
    AgroalDataSource dataSource;

    public List<SupporterCandidate> find(Filter f, Instant updatedSince, After after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        if (f.form() != null) {
            sql.append(" and o.").append(SupportOffer.capacityColumn(f.form())).append(" is not null");
            if (f.hasCapacity()) {
                sql.append(" and o.").append(SupportOffer.capacityColumn(f.form())).append(" > coalesce(l.")
                        .append(SupportOffer.loadColumn(f.form())).append(", 0)");
            }
        } else if (f.hasCapacity()) {
            sql.append(" and (o.mentoring_capacity > coalesce(l.mentoring, 0)"
                    + " or o.specialist_coaching_capacity > coalesce(l.specialist_coaching, 0)"
                    + " or o.co_coaching_capacity > coalesce(l.co_coaching, 0))");
        }
        andIf(sql, params, f.anyExpertise() != null && !f.anyExpertise().isEmpty(), " and o.expertise_codes && ?",
                () -> new TextArray(f.anyExpertise()));
        andIf(sql, params, f.subject() != null, " and p.subjects @> ?", () -> new TextArray(List.of(f.subject())));
        andIf(sql, params, f.phase() != null, " and p.phases @> ?", () -> new TextArray(List.of(f.phase())));
        andIf(sql, params, f.schoolUrn() != null, " and s.urn = ?", f::schoolUrn);
        andIf(sql, params, f.withinPartnerships() != null, " and p.partnership_ids && ?",
                () -> new UuidArray(f.withinPartnerships()));
        andIf(sql, params, f.partnershipId() != null, " and p.partnership_ids @> ?",
                () -> new UuidArray(List.of(f.partnershipId())));
        andIf(sql, params, f.onlyIds() != null, " and o.id = any(?)", () -> new UuidArray(f.onlyIds()));
        andIf(sql, params, updatedSince != null, " and o.updated_at >= ?",
                () -> OffsetDateTime.ofInstant(updatedSince, ZoneOffset.UTC));
        if (after != null) {
            sql.append(" and (o.updated_at, o.id) > (?, ?)");
            params.add(OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC));
            params.add(after.id());
        }
        sql.append(" order by o.updated_at, o.id");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof TextArray t) {
                    ps.setArray(i + 1, c.createArrayOf("text", t.values().toArray()));
                } else if (value instanceof UuidArray u) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", u.values().toArray()));
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<SupporterCandidate> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Supporter query failed", e);
        }
    }

    /** Appends {@code clause} (one {@code ?}) and its value when {@code applies}, so the two never drift apart. */
    private static void andIf(StringBuilder sql, List<Object> params, boolean applies, String clause, Supplier<Object> value) {
        if (applies) {
            sql.append(clause);
            params.add(value.get());
        }
    }

    private record TextArray(Collection<String> values) {
    }

    private record UuidArray(Collection<UUID> values) {
    }

    private static SupporterCandidate row(ResultSet rs) throws SQLException {
        Map<SupportForm, SupportOffer.FormOffer> forms = new EnumMap<>(SupportForm.class);
        Map<SupportForm, Integer> load = new EnumMap<>(SupportForm.class);
        SupportForm[] order = {SupportForm.MENTORING, SupportForm.SPECIALIST_COACHING, SupportForm.CO_COACHING};
        for (int i = 0; i < 3; i++) {
            int capacity = rs.getInt(12 + i);
            if (!rs.wasNull()) {
                forms.put(order[i], new SupportOffer.FormOffer(capacity, rs.getString(15 + i)));
            }
            load.put(order[i], rs.getInt(18 + i));
        }
        String stage = rs.getString(3);
        return new SupporterCandidate(
                rs.getObject(1, UUID.class), rs.getString(2), stage == null ? null : CareerStage.valueOf(stage),
                strings(rs.getArray(4)), strings(rs.getArray(5)), uuids(rs.getArray(6)),
                rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
                forms, load, strings(rs.getArray(21)), strings(rs.getArray(22)), strings(rs.getArray(23)),
                strings(rs.getArray(24)), strings(rs.getArray(25)), rs.getObject(26, OffsetDateTime.class).toInstant());
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        Set<String> set = new LinkedHashSet<>();
        for (Object v : values) {
            set.add((String) v);
        }
        return set;
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<UUID> set = new LinkedHashSet<>();
        for (Object v : (Object[]) array.getArray()) {
            set.add(v instanceof UUID u ? u : UUID.fromString(v.toString()));
        }
        return set;
    }
}
