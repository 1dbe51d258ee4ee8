/**
 * RFC 9457 problem details for every failure, in the user's terms: no Java class names, no
 * stack traces, the same 404 whether a resource belongs to another tenant or does not exist.
 */
package io.synthline.service.problem;
