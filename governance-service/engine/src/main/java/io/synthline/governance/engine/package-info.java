/** Governance rules as plain Java: how domain events become audit entries, and (later) chains, ledgers and policies. */
package io.synthline.governance.engine;
