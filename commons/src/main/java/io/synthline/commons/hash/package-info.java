/** The content hash shared by every module ({@link io.synthline.commons.hash.Sha256}). */
package io.synthline.commons.hash;
