package io.synthline.commons.profile;

import java.util.List;

/**
 * @param rankError normalized rank error of the sketch (0 when exact): a reported q-quantile's true
 *                  rank lies within [q - rankError, q + rankError] with 99% confidence
 */
public record Quantiles(List<Point> points, double rankError, boolean exact) {
    public Quantiles {
        points = List.copyOf(points);
    }

    public Double at(double probability) {
        return points.stream().filter(p -> p.probability() == probability).map(Point::value).findFirst().orElse(null);
    }

    public record Point(double probability, double value) {
    }
}
