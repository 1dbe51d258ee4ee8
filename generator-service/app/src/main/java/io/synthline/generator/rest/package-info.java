/** The generation API: requests, status, cancellation, deletion, and the output files and manifest. */
package io.synthline.generator.rest;
