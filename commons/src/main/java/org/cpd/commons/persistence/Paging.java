package org.cpd.commons.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.cpd.commons.web.paging.Cursor;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;

/**
 * Keyset paging on (updatedAt, id): stable under inserts (new rows sort after the cursor) and
 * the natural order for incremental sync with {@code updatedSince}.
 */
public final class Paging {

    private Paging() {
    }

    public static <E extends TrackedEntity> Page<E> page(PageRequest request, Criteria filters, Class<E> type) {
        Criteria criteria = keyset(request, filters);
        EntityManager em = Panache.getEntityManager(type);
        String entity = em.getMetamodel().entity(type).getName();
        String where = criteria.isEmpty() ? "" : " where " + criteria.jpql();
        TypedQuery<E> query = em.createQuery("from " + entity + where + " order by updatedAt, id", type);
        criteria.parameters().forEach(query::setParameter);
        return of(query.setMaxResults(request.limit() + 1).getResultList(), request.limit());
    }

    /** {@code filters} (left as they are) and the keyset's own conditions: changed since, after the cursor. */
    public static Criteria keyset(PageRequest request, Criteria filters) {
        Cursor after = request.after();
        Criteria criteria = filters.copy()
                .and("updatedAt >= :updatedSince", "updatedSince", request.updatedSince());
        if (after != null) {
            criteria.and("(updatedAt > :afterTime or (updatedAt = :afterTime and id > :afterId))")
                    .param("afterTime", after.updatedAt())
                    .param("afterId", after.id());
        }
        return criteria;
    }

    /** The page of {@code rows} read in (updatedAt, id) order, one more than {@code limit} when a next page exists. */
    public static <E extends TrackedEntity> Page<E> of(List<E> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> items = rows.subList(0, limit);
        E last = items.get(limit - 1);
        return new Page<>(List.copyOf(items), new Cursor(last.updatedAt, last.id).encode());
    }
}
