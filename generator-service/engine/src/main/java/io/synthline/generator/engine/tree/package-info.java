/** Sequential CART synthesis (synthpop's method): trees, their training-data encoding, and the fitted model. */
package io.synthline.generator.engine.tree;
