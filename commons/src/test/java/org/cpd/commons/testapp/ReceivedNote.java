package org.cpd.commons.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "received_note")
public class ReceivedNote extends PanacheEntityBase {
    @Id
    public UUID id;
    public String title;
    /** How many times the effect was applied: an idempotent consumer keeps it at 1. */
    public int received;
}
