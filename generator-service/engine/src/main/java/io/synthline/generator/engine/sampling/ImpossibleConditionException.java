package io.synthline.generator.engine.sampling;

import io.synthline.commons.api.BadInputException;

/** The model gives the requested condition probability zero: no row can satisfy it. */
public class ImpossibleConditionException extends BadInputException {
    public ImpossibleConditionException(String message) {
        super("impossible-condition", 422, message);
    }
}
