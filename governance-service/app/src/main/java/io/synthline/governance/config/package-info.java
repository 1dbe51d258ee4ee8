/**
 * Governance's settings ({@code synthline.governance.*}) and the policy per classification they
 * override.
 */
package io.synthline.governance.config;
