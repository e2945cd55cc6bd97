package org.cpd.directory.domain;

/** An offer with the supporter's current load: what an offer's reader sees together. */
public record OfferWithLoad(SupportOffer offer, SupporterLoad load) {
}
