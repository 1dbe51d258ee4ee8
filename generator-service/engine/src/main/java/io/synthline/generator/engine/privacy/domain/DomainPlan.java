package io.synthline.generator.engine.privacy.domain;

import io.synthline.commons.api.DeclaredColumn;
import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.CategoricalColumn;
import io.synthline.commons.table.ColumnSchema;
import io.synthline.commons.table.ColumnType;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.commons.table.TableSchema;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.Mechanisms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, before any data is touched, which parts of each column's domain are public (declared
 * in the schema) and which must be learned under DP, and refuses early when the policy forbids
 * learning. {@link #resolve} then learns what is missing with the budget it is given.
 */
public final class DomainPlan {
    /** What a column still needs. */
    public enum Need {
        NOTHING, CATEGORIES, BOUNDS, EXCLUDED
    }

    /** @param declared the column's declaration, or null when the schema does not name it */
    public record ColumnPlan(ColumnSchema schema, DeclaredColumn declared, Need need) {
        boolean typeDeclared() {
            return declared != null && declared.type() != null;
        }

        boolean nullable() {
            return declared == null || declared.isNullable();
        }
    }

    /** The domains, and where each came from. */
    public record Resolution(List<PublicDomain> domains, List<DomainProvenance> provenance) {
    }

    /**
     * A numeric column's bounds get this share of what a category set gets: bounds only need to
     * contain the data (its logarithmic buckets hold many rows each, and the fine histogram finds
     * the support inside them), while every category kept is one less value lost to "other".
     */
    static final double BOUNDS_WEIGHT = 0.25;

    private final List<ColumnPlan> columns;

    private DomainPlan(List<ColumnPlan> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * @param data     the schema the data was read with (declared types win over inferred ones)
     * @param declared the public schema, or null
     */
    public static DomainPlan of(TableSchema data, DeclaredSchema declared, DomainPolicy policy) {
        if (declared != null) {
            for (DeclaredColumn c : declared.columns()) {
                if (data.indexOf(c.name()).isEmpty()) {
                    throw new BadInputException("unknown-column", "schema declares column '" + c.name()
                            + "' which the data does not have; columns are " + data.names());
                }
            }
        }
        List<ColumnPlan> plans = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (ColumnSchema schema : data.columns()) {
            DeclaredColumn d = declared == null ? null : declared.column(schema.name()).orElse(null);
            Need need;
            if (schema.type() == ColumnType.IDENTIFIER) {
                need = Need.EXCLUDED;
            } else if (schema.type().isNumeric()) {
                need = d != null && d.hasBounds() ? Need.NOTHING : Need.BOUNDS;
                if (d != null && d.hasCategories()) {
                    throw new BadInputException("invalid-schema", "column '" + schema.name() + "' is numeric (" + schema.type()
                            + ") but the schema declares categories for it");
                }
            } else {
                need = d != null && d.hasCategories() ? Need.NOTHING : Need.CATEGORIES;
                if (d != null && d.hasBounds()) {
                    throw new BadInputException("invalid-schema", "column '" + schema.name() + "' is " + schema.type()
                            + " but the schema declares bounds for it");
                }
            }
            if (need == Need.BOUNDS) {
                open.add(schema.name() + " (min/max)");
            } else if (need == Need.CATEGORIES) {
                open.add(schema.name() + " (categories)");
            }
            plans.add(new ColumnPlan(schema, d, need));
        }
        if (policy == DomainPolicy.REFUSE && !open.isEmpty()) {
            throw new BadInputException("domain-not-declared", "differential privacy needs each column's domain from public "
                    + "knowledge, and the schema leaves it open for: " + String.join(", ", open)
                    + "; declare them in the schema, or allow spending part of the budget to learn them privately")
                    .detail("undeclared", open);
        }
        return new DomainPlan(plans);
    }

    public List<ColumnPlan> columns() {
        return columns;
    }

    public long count(Need need) {
        return columns.stream().filter(c -> c.need() == need).count();
    }

    public boolean learnsAnything() {
        return count(Need.CATEGORIES) + count(Need.BOUNDS) > 0;
    }

    /** Whether learning needs part of delta (thresholded histograms for category sets). */
    public boolean needsThresholdDelta() {
        return count(Need.CATEGORIES) > 0;
    }

    /**
     * Learns what the schema left open, spending {@code rho} over those columns (a numeric column's
     * bounds get {@link #BOUNDS_WEIGHT} of a category set's share) and {@code thresholdDelta}
     * evenly over the category sets. A learned category set ends with an "other" category that
     * every value left out counts as.
     */
    public Resolution resolve(Table table, Mechanisms mechanisms, double rho, double thresholdDelta, String stage) {
        double toLearn = count(Need.CATEGORIES) + BOUNDS_WEIGHT * count(Need.BOUNDS);
        double rhoEach = toLearn == 0 ? 0 : rho / toLearn;
        double rhoBounds = BOUNDS_WEIGHT * rhoEach;
        double deltaEach = count(Need.CATEGORIES) == 0 ? 0 : thresholdDelta / count(Need.CATEGORIES);
        List<PublicDomain> domains = new ArrayList<>();
        List<DomainProvenance> provenance = new ArrayList<>();
        for (ColumnPlan plan : columns) {
            ColumnSchema schema = plan.schema();
            String typeNote = plan.typeDeclared() ? "" : "; type " + schema.type() + " inferred from the data (treated as public metadata)";
            switch (plan.need()) {
                case EXCLUDED -> {
                    domains.add(new PublicDomain.Excluded(schema, "identifier"));
                    provenance.add(new DomainProvenance(schema.name(), DomainProvenance.NOT_MODELLED,
                            "identifier column: not synthesised, left empty (use PII replacement to fill it)" + typeNote));
                }
                case NOTHING -> {
                    DeclaredColumn d = plan.declared();
                    if (schema.type().isNumeric()) {
                        domains.add(new PublicDomain.Numeric(schema, d.min(), d.max(), plan.nullable()));
                        provenance.add(new DomainProvenance(schema.name(), DomainProvenance.DECLARED,
                                "bounds [" + number(d.min()) + ", " + number(d.max()) + "] declared" + typeNote));
                    } else {
                        domains.add(new PublicDomain.Categorical(schema, d.categories(), plan.nullable()));
                        provenance.add(new DomainProvenance(schema.name(), DomainProvenance.DECLARED,
                                d.categories().size() + " categories declared" + typeNote));
                    }
                }
                case BOUNDS -> {
                    NumericColumn column = (NumericColumn) table.column(schema.name());
                    double[] bounds = PrivateBounds.learn(schema.name(), column.values(), schema.type() == ColumnType.INTEGER,
                            rhoBounds, mechanisms, stage);
                    domains.add(new PublicDomain.Numeric(schema, bounds[0], bounds[1], plan.nullable()));
                    provenance.add(new DomainProvenance(schema.name(), DomainProvenance.LEARNED,
                            "bounds [" + number(bounds[0]) + ", " + number(bounds[1]) + "] learned privately (rho "
                                    + String.format(Locale.ROOT, "%.3g", rhoBounds) + ")" + typeNote));
                }
                case CATEGORIES -> {
                    CategoricalColumn column = (CategoricalColumn) table.column(schema.name());
                    long[] counts = new long[column.cardinality()];
                    for (int code : column.codes()) {
                        if (code != CategoricalColumn.NULL_CODE) {
                            counts[code]++;
                        }
                    }
                    Map<String, Long> byValue = new HashMap<>();
                    for (int c = 0; c < counts.length; c++) {
                        byValue.put(column.categories().get(c), counts[c]);
                    }
                    List<String> kept = mechanisms.frequentValues(byValue, rhoEach, deltaEach, stage, "categories of " + schema.name());
                    // the other bucket is always there (whether some value was left out is not public)
                    PublicDomain.Categorical learned = PublicDomain.Categorical.learned(schema, kept, plan.nullable());
                    domains.add(learned);
                    provenance.add(new DomainProvenance(schema.name(), DomainProvenance.LEARNED,
                            kept.size() + " categories learned privately (rho " + String.format(Locale.ROOT, "%.3g", rhoEach)
                                    + ", delta " + String.format(Locale.ROOT, "%.3g", deltaEach)
                                    + "); rarer values go to \"" + learned.other() + "\"" + typeNote));
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Resolution(domains, provenance);
    }

    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
