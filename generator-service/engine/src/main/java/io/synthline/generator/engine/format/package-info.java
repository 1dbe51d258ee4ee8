/** Text formats: a generating regular-expression dialect that can also enumerate its language, and shape inference from examples. */
package io.synthline.generator.engine.format;
