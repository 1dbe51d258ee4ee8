/**
 * The governance API: policies, budgets, grants, approvals, releases, audit, lineage, alerts.
 */
package io.synthline.governance.rest;
