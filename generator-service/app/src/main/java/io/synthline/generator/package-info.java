/** The generator service: accepts generation requests, runs them as jobs over Kafka and serves the synthetic files. */
package io.synthline.generator;
