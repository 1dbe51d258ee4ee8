/** The evaluator service: scores every completed generation against its source dataset. */
package io.synthline.evaluator;
