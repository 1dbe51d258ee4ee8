/** The profiler service: accepts dataset uploads, stores them, profiles them and announces both on Kafka. */
package io.synthline.profiler;
