package io.synthline.generator.engine.dp;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.table.NumericColumn;
import io.synthline.commons.table.Table;
import io.synthline.generator.engine.model.Synthesizer;
import io.synthline.generator.engine.artifact.ModelInput;
import java.io.IOException;
import io.synthline.generator.engine.pgm.GraphicalModel;
import io.synthline.generator.engine.privacy.DomainProvenance;
import io.synthline.generator.engine.privacy.Mechanisms;
import io.synthline.generator.engine.privacy.PrivacyAccountant;
import io.synthline.generator.engine.privacy.PrivacyReport;
import io.synthline.generator.engine.privacy.domain.Binning;
import io.synthline.generator.engine.privacy.domain.PublicDomain;
import io.synthline.generator.engine.privacy.domain.DomainPlan;
import io.synthline.generator.engine.privacy.domain.PrivateHistogram;
import io.synthline.generator.engine.privacy.noise.RandomBits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part every graphical-model synthesizer shares: settle the domain (declared, or learned
 * under DP, or refused), discretise numeric columns with private fine histograms, encode the
 * rows, let the algorithm measure and estimate, and package the model with its privacy report.
 * The budget is split as declared in {@link DpSettings}; whatever the preparation does not use
 * goes to the algorithm.
 */
public abstract class PrivateSynthesizer implements Synthesizer {
    static final String STAGE_DOMAIN = "domain";
    static final String STAGE_DISCRETISATION = "discretisation";

    protected final DpSettings settings;

    protected PrivateSynthesizer(DpSettings settings) {
        this.settings = settings;
    }

    public DpSettings settings() {
        return settings;
    }

    /** What the algorithm produced: the codecs it ended with (it may merge codes) and the model. */
    protected record Learned(List<AttributeCodec> codecs, GraphicalModel model) {
    }

    /** Measures {@code data} with the accountant's remaining budget and estimates a model. */
    protected abstract Learned learn(PrivateData data, Mechanisms mechanisms);

    /**
     * {@inheritDoc}
     *
     * <p>The seed does not drive the privacy noise (that comes from {@link DpSettings#noise()});
     * it only makes later sampling reproducible.
     */
    @Override
    public PrivateModel fit(Table training, long seed) {
        DomainPlan plan = DomainPlan.of(training.schema(), settings.schema(), settings.domainPolicy());
        if (training.rowCount() == 0) {
            throw new BadInputException("empty-training-data", "the dataset has no rows to learn from");
        }
        RandomBits bits = settings.noise().get();
        double thresholdDelta = plan.needsThresholdDelta() ? settings.privacy().delta() * settings.thresholdDeltaShare() : 0;
        PrivacyAccountant accountant = new PrivacyAccountant(settings.privacy(), thresholdDelta);
        Mechanisms mechanisms = new Mechanisms(accountant, bits);
        double rho = accountant.rhoBudget();

        DomainPlan.Resolution resolution = plan.resolve(training, mechanisms,
                plan.learnsAnything() ? rho * settings.domainShare() : 0, thresholdDelta, STAGE_DOMAIN);
        List<PublicDomain> domains = resolution.domains();
        long toDiscretise = 0;
        for (int c = 0; c < domains.size(); c++) {
            if (domains.get(c) instanceof PublicDomain.Numeric n
                    && PrivateHistogram.needsMeasurement(n, settings.numericBins(), learned(resolution, c))) {
                toDiscretise++;
            }
        }
        double discretisationRho = toDiscretise == 0 ? 0 : rho * settings.discretisationShare() / toDiscretise;

        List<AttributeCodec> codecs = new ArrayList<>();
        List<Integer> columnOf = new ArrayList<>();
        List<DomainProvenance> provenance = new ArrayList<>();
        for (int c = 0; c < domains.size(); c++) {
            DomainProvenance p = resolution.provenance().get(c);
            switch (domains.get(c)) {
                case PublicDomain.Excluded e -> provenance.add(p);
                case PublicDomain.Categorical cat -> {
                    if (cat.categories().isEmpty() && !cat.nullable()) {
                        throw new BadInputException("domain-not-learnable", "column '" + cat.name()
                                + "': no value is frequent enough to publish at this budget and the column is not nullable;"
                                + " declare its categories in the schema");
                    }
                    codecs.add(new AttributeCodec.Categorical(cat));
                    columnOf.add(c);
                    provenance.add(p);
                }
                case PublicDomain.Numeric num -> {
                    boolean learned = learned(resolution, c);
                    boolean measured = PrivateHistogram.needsMeasurement(num, settings.numericBins(), learned);
                    Binning binning = PrivateHistogram.binning(((NumericColumn) training.column(c)).values(),
                            num, settings.numericBins(), learned, discretisationRho, mechanisms, STAGE_DISCRETISATION);
                    PublicDomain.Numeric support = new PublicDomain.Numeric(num.schema(), binning.min(), binning.max(), num.nullable());
                    codecs.add(new AttributeCodec.Numeric(support, binning));
                    columnOf.add(c);
                    String supportNote = learned ? "; values in [" + DomainPlan.number(binning.min()) + ", "
                            + DomainPlan.number(binning.max()) + "] per the private fine histogram" : "";
                    provenance.add(new DomainProvenance(p.column(), p.source(), p.detail() + supportNote + "; " + binning.bins()
                            + (measured ? " bins from a private fine histogram" : " exact integer bins")));
                }
            }
        }
        if (codecs.isEmpty()) {
            throw new BadInputException("nothing-to-model", "no column can be modelled (identifier columns are not synthesised)");
        }
        PrivateData data = encode(training, codecs, columnOf);
        Learned learned = learn(data, mechanisms);
        PrivacyReport report = accountant.report(bits.description(), bits.isPrivate(), provenance);
        int[] columns = columnOf.stream().mapToInt(Integer::intValue).toArray();
        return new PrivateModel(name(), training.schema(), columns, learned.codecs(), learned.model(), report);
    }

    private static boolean learned(DomainPlan.Resolution resolution, int column) {
        return resolution.provenance().get(column).source().equals(DomainProvenance.LEARNED);
    }

    @Override
    public PrivateModel read(ModelInput in) throws IOException {
        return PrivateModel.read(name(), in);
    }

    /** Encodes every row; a row whose value has no place in some non-nullable domain is left out of all measurements. */
    static PrivateData encode(Table training, List<AttributeCodec> codecs, List<Integer> columnOf) {
        int n = training.rowCount();
        int[][] raw = new int[codecs.size()][];
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        int kept = n;
        for (int a = 0; a < raw.length; a++) {
            raw[a] = codecs.get(a).encode(training.column(columnOf.get(a)));
            for (int r = 0; r < n; r++) {
                if (keep[r] && raw[a][r] == AttributeCodec.NOWHERE) {
                    keep[r] = false;
                    kept--;
                }
            }
        }
        if (kept == n) {
            return new PrivateData(codecs, raw);
        }
        int[][] codes = new int[raw.length][kept];
        for (int a = 0; a < raw.length; a++) {
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    codes[a][k++] = raw[a][r];
                }
            }
        }
        return new PrivateData(codecs, codes);
    }
}
