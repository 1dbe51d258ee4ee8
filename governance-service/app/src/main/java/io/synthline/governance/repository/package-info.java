/**
 * Governance's tables through the reactive PostgreSQL client (SQL, not entities; see ADR 0005).
 */
package io.synthline.governance.repository;
