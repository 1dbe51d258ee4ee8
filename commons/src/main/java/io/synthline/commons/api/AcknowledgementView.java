package io.synthline.commons.api;

/** The answer of acknowledging an alert. */
public record AcknowledgementView(boolean acknowledged) {
}
