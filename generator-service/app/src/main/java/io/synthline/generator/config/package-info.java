/** The generator's settings ({@code synthline.generator.*}), sharding included. */
package io.synthline.generator.config;
