package org.cpd.goals.domain;

/** A moment in a video of practice worth discussing: a timestamp ("12:30" or "1:02:05") and a note. */
public record VideoMoment(String at, String note) {
}
