/**
 * The generation protocol, the budget ledger, the signed audit chain, lineage and monitoring.
 */
package io.synthline.governance.service;
