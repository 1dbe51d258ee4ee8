/** Settings every service shares; each service maps its own in its {@code config} package. */
package io.synthline.service.config;
