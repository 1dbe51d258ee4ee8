/**
 * The privacy-budget ledger's rules in exact decimals: accounts (dataset, tenant), what fits under
 * a cap, and what a finished run is charged. Storage and locking live in the governance service.
 */
package io.synthline.governance.engine.budget;
