/**
 * Disclosure control for the models that give no formal guarantee (tree, copula, independent):
 * what a fitted model may keep of its training rows. A stored model holds no value that fewer
 * than {@link io.synthline.generator.engine.disclosure.DisclosureLimits#minGroup() k} training
 * rows share, no hash of a real row or value, and no training cell: numeric columns are kept as
 * {@link io.synthline.generator.engine.disclosure.NumericCells cells} (values shared by at least
 * k rows, and intervals of at least k rows whose edges lie between real values, with the k most
 * extreme rows on each side coded into the outermost intervals), rare categories are merged
 * ({@link io.synthline.generator.engine.disclosure.RareCategories}), and whatever is needed to
 * refuse copies of real rows lives in a {@link io.synthline.generator.engine.disclosure.CopyGuard}
 * kept beside the raw data, never in the model.
 */
package io.synthline.generator.engine.disclosure;
