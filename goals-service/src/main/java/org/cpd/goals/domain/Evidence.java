package org.cpd.goals.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Direct evidence from practice, with the learner's reflection on why it worked or did not.
 * Shared on its own terms: linking private evidence to a shared goal does not share the evidence.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends SharedItem {

    @Enumerated(EnumType.STRING)
    public EvidenceType type;

    public LocalDate occurredOn;

    public String title;

    public String description;

    /** Why it worked or did not: theory beside practice. */
    public String reflection;

    public String videoUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<VideoMoment> videoMoments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evidence_relationship", joinColumns = @JoinColumn(name = "evidence_id"))
    @Column(name = "relationship_id")
    @BatchSize(size = 100)
    public Set<UUID> relationshipIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evidence_goal", joinColumns = @JoinColumn(name = "evidence_id"))
    @Column(name = "goal_id")
    @BatchSize(size = 100)
    public Set<UUID> goalIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evidence_standard", joinColumns = @JoinColumn(name = "evidence_id"))
    @Column(name = "standard_id")
    @BatchSize(size = 100)
    public Set<UUID> standardIds = new HashSet<>();

    /** Rules of the record itself: a video of practice is a link plus moments; evidence is from the past. */
    public void requireConsistent(LocalDate today) {
        if (type == EvidenceType.VIDEO_OF_PRACTICE && (videoUrl == null || videoUrl.isBlank())) {
            throw RuleViolation.invalid("video-link-required", "Evidence of type VIDEO_OF_PRACTICE needs a videoUrl.");
        }
        if (occurredOn.isAfter(today)) {
            throw RuleViolation.invalid("evidence-in-future",
                    "occurredOn " + occurredOn + " is in the future; evidence records what happened.");
        }
    }

    @Override
    public Set<UUID> sharedRelationshipIds() {
        return relationshipIds;
    }
}
