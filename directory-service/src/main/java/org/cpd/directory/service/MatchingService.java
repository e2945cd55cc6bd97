package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.paging.Cursor;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.LearnerProfile;
import org.cpd.directory.domain.MatchRanking;
import org.cpd.directory.domain.MatchRequest;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupporterCandidate;
import org.cpd.directory.repository.SupporterCache;
import org.cpd.directory.repository.SupporterQueries;

/** Supporter search and matching of learners to supporters. */
@ApplicationScoped
@Transactional
public class MatchingService {

    @Inject
    CurrentUser user;

    @Inject
    PractitionerService practitioners;

    @Inject
    ExpertiseService expertise;

    @Inject
    SupporterQueries queries;

    @Inject
    SupporterCache cache;

    public record Search(SupportForm form, Set<String> expertise, String subject, String phase, String schoolUrn,
                         UUID partnershipId, boolean hasCapacity) {
    }

    public Page<SupporterCandidate> search(PageRequest page, Search s) {
        page.validate();
        Set<UUID> visible = visiblePartnerships();
        Cursor cursor = page.after();
        List<SupporterCandidate> rows = queries.find(
                new SupporterQueries.Filter(s.form(), s.expertise(), s.subject(), s.phase(), s.schoolUrn(), visible,
                        s.partnershipId(), s.hasCapacity(), null),
                page.updatedSince(), cursor == null ? null : new SupporterQueries.After(cursor.updatedAt(), cursor.id()),
                page.limit() + 1);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<SupporterCandidate> items = rows.subList(0, page.limit());
        SupporterCandidate last = items.get(items.size() - 1);
        return new Page<>(List.copyOf(items), new Cursor(last.offerUpdatedAt(), last.id()).encode());
    }

    public MatchRanking.Result match(UUID learnerId, MatchRequest request) {
        Practitioner learner = practitioners.visible(learnerId);
        if (!new DirectoryAccess(user.caller()).matchesFor(learner)) {
            throw RuleViolation.forbidden("Matching is for the learner, their school's leads and the partnership's admins");
        }
        Set<String> unknown = expertise.unknown(request.expertise());
        if (!unknown.isEmpty()) {
            throw RuleViolation.invalidField("expertise", "not in the expertise taxonomy: " + String.join(", ", unknown));
        }
        LearnerProfile profile = new LearnerProfile(learner.id, learner.careerStage,
                learner.school == null ? null : learner.school.id,
                new LinkedHashSet<>(Arrays.asList(learner.subjects)), new LinkedHashSet<>(Arrays.asList(learner.phases)),
                learner.partnerships(), new HashSet<>(learner.lineManagerIds), new HashSet<>(learner.appraiserIds));
        List<SupporterCandidate> candidates = cache.candidates(profile.partnershipIds(), request.form());
        return MatchRanking.rank(profile, request, candidates);
    }

    /** The partnerships whose supporters the caller may see: from the token, its schools and the caller's own record. */
    private Set<UUID> visiblePartnerships() {
        Caller caller = user.caller();
        Set<UUID> ids = new HashSet<>(caller.partnershipIds());
        if (!caller.schoolUrns().isEmpty()) {
            List<School> schools = School.list("urn in ?1", caller.schoolUrns());
            schools.forEach(s -> ids.addAll(s.partnershipIds));
        }
        caller.practitioner().ifPresent(id -> {
            Practitioner me = Practitioner.findById(id);
            if (me != null) {
                ids.addAll(me.partnerships());
            }
        });
        if (ids.isEmpty()) {
            throw RuleViolation.forbidden("Your token names no partnership, school or practitioner");
        }
        return ids;
    }
}
