/** The release gate: evaluation scores against a classification's thresholds. */
package io.synthline.governance.engine.release;
