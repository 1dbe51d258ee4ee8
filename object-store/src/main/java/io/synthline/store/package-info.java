/**
 * The dataset store behind {@link io.synthline.commons.store.DatasetStore}: {@link
 * io.synthline.store.StoreSettings} reads {@code synthline.store.*}, {@link
 * io.synthline.store.DatasetStores} opens a directory or an S3 bucket ({@link
 * io.synthline.store.S3DatasetStore}) from them.
 */
package io.synthline.store;
