package io.synthline.stack.testing;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lets an integration test play another service by publishing records to the stack's Kafka.
 * Uses whatever kafka-clients the test classpath has (the services bring Quarkus' version).
 */
public final class TestKafka {
    private TestKafka() {
    }

    /** Publishes the records in order and waits until the broker acknowledged each. */
    public static void publish(String topic, String key, String... values) {
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalStackTestResource.endpoints().kafkaBootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Reads the topic from the beginning (a throw-away consumer group) until a record with this
     * key arrives, and returns its value; fails after the timeout. Lets a test check what a
     * service published.
     */
    public static String awaitRecord(String topic, String key, java.time.Duration timeout) {
        return awaitRecord(topic, key, value -> true, timeout);
    }

    /** The first record with this key whose value {@code wanted} accepts (e.g. one event type of a subject). */
    public static String awaitRecord(String topic, String key, java.util.function.Predicate<String> wanted, java.time.Duration timeout) {
        Properties p = new Properties();
        p.put("bootstrap.servers", LocalStackTestResource.endpoints().kafkaBootstrapServers());
        p.put("group.id", "test-" + java.util.UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(p)) {
            consumer.subscribe(java.util.List.of(topic));
            while (System.nanoTime() < deadline) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && wanted.test(r.value())) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic + " within " + timeout);
    }
}
