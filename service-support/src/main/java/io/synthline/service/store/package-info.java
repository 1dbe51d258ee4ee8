/** The dataset store every service injects: a directory or an S3 bucket, by configuration. */
package io.synthline.service.store;
