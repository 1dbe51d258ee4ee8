/** Kafka consumers of the profiler: the requests of other services that the profiler carries out. */
package io.synthline.profiler.messaging;
