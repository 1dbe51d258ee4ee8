/**
 * PII replacement: columns flagged as personal data are never learned; per row a fake persona
 * (Datafaker, in the requested locale) supplies consistent values, formats follow the real
 * values' shape, and no real value is ever emitted.
 */
package io.synthline.generator.engine.pii;
