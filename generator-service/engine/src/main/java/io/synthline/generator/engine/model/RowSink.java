package io.synthline.generator.engine.model;

/** Receives sampled rows as cell texts (null = missing). The array is reused: copy what you keep. */
@FunctionalInterface
public interface RowSink {
    void accept(String[] row);
}
