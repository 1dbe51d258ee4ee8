/**
 * Request guards every service applies before a handler runs: JSON body size and depth, strict
 * query parameters, NUL characters, and a per-tenant rate limit on starting jobs.
 */
package io.synthline.service.http;
