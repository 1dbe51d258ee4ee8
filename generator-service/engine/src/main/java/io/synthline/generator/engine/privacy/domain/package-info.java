/**
 * Column domains for differential privacy: what the owner declares as public (value sets,
 * bounds), what must otherwise be learned under DP (thresholded histograms for value sets,
 * logarithmic bucket histograms for bounds) or refused, and how numeric columns are discretised
 * from private fine histograms so that values can be sampled back inside their bins.
 */
package io.synthline.generator.engine.privacy.domain;
