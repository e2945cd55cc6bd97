package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Expertise;
import org.cpd.directory.domain.ExpertiseCategory;
import org.cpd.directory.domain.Phase;

/** The managed expertise taxonomy: admins curate it; offers and needs may only use its codes. */
@ApplicationScoped
@Transactional
public class ExpertiseService {

    /** An entry of the taxonomy; {@code active} null means active. */
    public record ExpertiseDetails(String code, String label, ExpertiseCategory category, Phase phase, String description,
                                   Boolean active) {
    }

    @Inject
    CurrentUser user;

    public Expertise create(ExpertiseDetails in) {
        requireAdmin();
        if (Expertise.count("code", in.code()) > 0) {
            throw RuleViolation.conflict("duplicate-expertise-code", "Expertise " + in.code() + " already exists");
        }
        Expertise e = new Expertise();
        e.code = in.code();
        apply(e, in);
        e.persist();
        return e;
    }

    public Expertise update(String code, String ifMatch, ExpertiseDetails in) {
        requireAdmin();
        Expertise e = byCode(code);
        ETags.requireMatch(ifMatch, e);
        if (!e.code.equals(in.code())) {
            throw RuleViolation.invalidField("code", "an expertise code never changes; retire it and create another");
        }
        apply(e, in);
        Expertise.flush();
        return e;
    }

    private static void apply(Expertise e, ExpertiseDetails in) {
        e.label = in.label().trim();
        e.category = in.category();
        e.phase = in.phase();
        e.description = in.description();
        e.active = in.active() == null || in.active();
    }

    public Expertise byCode(String code) {
        return Expertise.<Expertise>find("code", code).firstResultOptional()
                .orElseThrow(() -> RuleViolation.notFound("expertise", code));
    }

    public Page<Expertise> list(PageRequest page, ExpertiseCategory category, Phase phase, Boolean active) {
        page.validate();
        Criteria c = Criteria.where().and("category = :category", "category", category)
                .and("phase = :phase", "phase", phase)
                .and("active = :active", "active", active);
        return Paging.page(page, c, Expertise.class);
    }

    /** The codes of {@code codes} that are not active entries of the taxonomy (free text is not a taxonomy). */
    public Set<String> unknown(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Set.of();
        }
        List<String> known = Expertise.<Expertise>list("code in ?1 and active = true", codes).stream().map(e -> e.code).toList();
        Set<String> unknown = new TreeSet<>(codes);
        unknown.removeAll(known);
        return unknown;
    }

    private void requireAdmin() {
        new DirectoryAccess(user.caller()).requireAdmin("Only partnership admins curate the expertise taxonomy");
    }
}
