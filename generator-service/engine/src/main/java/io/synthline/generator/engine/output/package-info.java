/** Encoding generated rows into output bytes. */
package io.synthline.generator.engine.output;
