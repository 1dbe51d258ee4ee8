/** Rules of personal identifiers (checksums, formats), shared by PII detection and the evaluation of replaced values. */
package io.synthline.commons.pii;
