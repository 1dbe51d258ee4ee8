/**
 * The tamper-evident audit trail as plain Java: how an event becomes an audit record, the RFC 8785
 * canonical form that is hashed, per-tenant hash chains, Ed25519-signed checkpoints and the verifier
 * that recomputes a chain and names its first broken link.
 */
package io.synthline.governance.engine.audit;
