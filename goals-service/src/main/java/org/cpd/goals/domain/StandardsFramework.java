package org.cpd.goals.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.BatchSize;

/** A set of professional standards held as data (the Teachers' Standards are seeded; others can be loaded). */
@Entity
@Table(name = "standards_framework")
public class StandardsFramework extends TrackedEntity {

    public String code;

    public String name;

    public String description;

    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    @BatchSize(size = 50)
    public List<Standard> standards = new ArrayList<>();
}
