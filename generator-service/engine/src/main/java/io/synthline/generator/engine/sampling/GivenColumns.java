package io.synthline.generator.engine.sampling;

/**
 * Drawing the other columns of a row given the values of some columns that come from outside
 * the model, as when a child row is drawn for a parent row that was generated before it (the
 * parent's attributes are columns of the child's model). Unlike {@link ConditionalSampling},
 * the given values are not looked up among the training rows: any value may be given, and none
 * is copied from a real row.
 */
public interface GivenColumns {
    /**
     * A drawer that reads the cells of {@code columns} from the row it is handed (category index
     * or value, NaN for missing, as a sampled row holds them), leaves them as they are, and fills
     * every other column from the model's estimate of p(other columns | given columns). A numeric
     * value the training data never had is placed by its position among the training values.
     */
    RowDrawer drawerGiven(int[] columns);
}
