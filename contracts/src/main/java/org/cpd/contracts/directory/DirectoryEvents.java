package org.cpd.contracts.directory;

/** CloudEvent types published by directory-service on {@link #TOPIC}. */
public final class DirectoryEvents {

    public static final String TOPIC = "cpd.directory.events";
    public static final String SOURCE = "/cpd/directory-service";

    public static final String PARTNERSHIP_CREATED = "cpd.directory.partnership-created.v1";
    public static final String PARTNERSHIP_UPDATED = "cpd.directory.partnership-updated.v1";
    public static final String SCHOOL_REGISTERED = "cpd.directory.school-registered.v1";
    public static final String SCHOOL_UPDATED = "cpd.directory.school-updated.v1";
    public static final String ORGANISATION_REGISTERED = "cpd.directory.organisation-registered.v1";
    public static final String ORGANISATION_UPDATED = "cpd.directory.organisation-updated.v1";
    /** Data: {@link PractitionerData}. */
    public static final String PRACTITIONER_REGISTERED = "cpd.directory.practitioner-registered.v2";
    public static final String PRACTITIONER_UPDATED = "cpd.directory.practitioner-updated.v2";
    public static final String PRACTITIONER_DEACTIVATED = "cpd.directory.practitioner-deactivated.v2";
    public static final String LINE_MANAGEMENT_CHANGED = "cpd.directory.line-management-changed.v2";
    /** Data: {@link PractitionerDataV1}, with the full name. No longer published; read from the topic's history. */
    public static final String PRACTITIONER_REGISTERED_V1 = "cpd.directory.practitioner-registered.v1";
    public static final String PRACTITIONER_UPDATED_V1 = "cpd.directory.practitioner-updated.v1";
    public static final String PRACTITIONER_DEACTIVATED_V1 = "cpd.directory.practitioner-deactivated.v1";
    public static final String LINE_MANAGEMENT_CHANGED_V1 = "cpd.directory.line-management-changed.v1";
    /** Data: {@link PractitionerMergedData}; two records of one person merged (key and subject: the retired id). */
    public static final String PRACTITIONER_MERGED = "cpd.directory.practitioner-merged.v1";
    /** Data: {@link SupportOfferData}. */
    public static final String SUPPORT_OFFER_PUBLISHED = "cpd.directory.support-offer-published.v1";
    public static final String SUPPORT_OFFER_CHANGED = "cpd.directory.support-offer-changed.v1";
    public static final String SUPPORT_OFFER_PAUSED = "cpd.directory.support-offer-paused.v1";
    public static final String SUPPORT_OFFER_RESUMED = "cpd.directory.support-offer-resumed.v1";
    /** Data: {@link SupportOfferData}; published whenever a capacity or the paused flag changes. */
    public static final String CAPACITY_CHANGED = "cpd.directory.capacity-changed.v1";
    /** Data: {@link AppointmentData}; a school lead or partnership admin appointed. */
    public static final String APPOINTMENT_MADE = "cpd.directory.appointment-made.v1";
    /** Data: {@link AppointmentData}; the appointment ended (by an admin, a move or a deactivation). */
    public static final String APPOINTMENT_ENDED = "cpd.directory.appointment-ended.v1";
    /** Data: {@link PractitionerErasedData}; a person's data erased (UK GDPR): every consumer erases its part. */
    public static final String PRACTITIONER_ERASED = "cpd.directory.practitioner-erased.v1";

    private DirectoryEvents() {
    }
}
