/**
 * Long work off the Kafka consumers: a consumer records a job in its own transaction and
 * acknowledges its record at once; worker threads claim jobs from the {@code job} table with a
 * lease ({@code FOR UPDATE SKIP LOCKED}, so replicas never run a job twice at the same time),
 * renew the lease while they work, and record the outcome fenced by the lease's token. A worker
 * that dies leaves its lease to expire and the job to another worker; a job that keeps failing or
 * runs past its timeout is given up with a reason the service records where users see it.
 */
package io.synthline.service.jobs;
