package io.synthline.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Puts {@link JsonLimits} on the service's object mapper, which reads every REST body. */
@Singleton
public class JsonLimitsCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        JsonLimits.fromConfig().configure(mapper);
    }
}
