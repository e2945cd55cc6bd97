package org.cpd.relationships.domain;

import java.math.BigDecimal;

/** The starting text of a learning agreement for each form; the parties edit it before signing. */
public final class AgreementTemplates {

    private AgreementTemplates() {
    }

    public static AgreementTerms forForm(SupportForm form) {
        return switch (form) {
            case MENTORING -> new AgreementTerms(
                    "We meet as planned and tell each other early when we cannot. Conversations start from evidence of"
                            + " practice. The mentor sets more of the agenda at first; the learner takes more of it over time.",
                    "Confidential notes stay between us. Shared summaries and action points may be seen by the school's"
                            + " CPD lead. Anything raising a safeguarding concern is passed on as school policy requires.",
                    "The mentor may assess against the standards; we say when a conversation is assessment and when it is"
                            + " support. Either of us may ask the school lead to review the arrangement.",
                    "Every two weeks, 45 minutes",
                    "A quiet space in the learner's school; observations in classrooms as agreed",
                    null,
                    "The mentor brokers other support (coaching, courses) rather than providing everything.",
                    new BigDecimal("6.0"), true);
            case SPECIALIST_COACHING -> new AgreementTerms(
                    "Coaching focuses on the agreed aspect of practice. The coach questions rather than judges; the"
                            + " learner chooses what to try and how to gather evidence.",
                    "Confidential notes stay between us. Nothing is reported to line managers or used in appraisal"
                            + " without the learner's consent.",
                    "The coach is not the learner's line manager or appraiser; the learner owns the goals. Either of us"
                            + " may end the coaching with notice.",
                    "Every three weeks, 40 minutes, with an observation or video between",
                    "The learner's own workplace and a quiet space for reflection",
                    null,
                    "A need for mentoring that appears is pursued outside this relationship, by a referral.",
                    new BigDecimal("4.0"), false);
            case CO_COACHING -> new AgreementTerms(
                    "We take the coach and learner roles in turn, observe each other's practice and give"
                            + " non-judgemental, evidence-based feedback linked to the specialist input.",
                    "What we see in each other's classrooms stays between us unless we both agree to share it.",
                    "We are equals: neither of us manages or appraises the other. We agree the focus together.",
                    "Every two weeks for at least a term: plan, observe, debrief",
                    "Our own workplaces; a quiet space for debriefs",
                    null,
                    "A need for mentoring or specialist coaching is pursued outside this partnership.",
                    new BigDecimal("3.0"), true);
        };
    }
}
