package org.cpd.commons.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.cpd.commons.persistence.TrackedEntity;

@Entity
public class Note extends TrackedEntity {
    public String title;
    public int priority;
    @Enumerated(EnumType.STRING)
    public Colour colour;

    public enum Colour { RED, GREEN, BLUE }
}
