package org.cpd.goals.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One standard of a framework, e.g. TS5 of the Teachers' Standards. */
@Entity
@Table(name = "standard")
public class Standard extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "framework_id")
    public StandardsFramework framework;

    public String code;

    public String title;

    public int position;
}
