package io.synthline.generator.engine.privacy.domain;

/** What to do when the declared schema leaves part of the domain open. */
public enum DomainPolicy {
    /** Spend a declared share of the budget to learn the missing parts under DP. */
    LEARN_PRIVATELY,
    /** Refuse to run until the schema declares every value set and bound. */
    REFUSE
}
