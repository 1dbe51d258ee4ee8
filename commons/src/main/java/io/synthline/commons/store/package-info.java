/**
 * Where dataset bytes live. Services see only keys ({@code tenant/datasets/id/data.csv}); the
 * store maps them to a filesystem directory (the local default) or to an S3 bucket (module
 * {@code object-store}). Writes are staged and committed atomically so a failed upload or job
 * never leaves a half-written object.
 */
package io.synthline.commons.store;
