package io.synthline.generator.engine.pgm;

/** The explicit joint distribution of a small model, for checking inference against. */
final class BruteForce {
    private BruteForce() {
    }

    /** Probabilities of every full assignment (row-major over attributes 0..d-1). */
    static double[] joint(AttributeDomain domain, Factor[] potentials) {
        int d = domain.attributes();
        int[] all = new int[d];
        for (int i = 0; i < d; i++) {
            all[i] = i;
        }
        Factor log = Factor.filled(domain, all, 0);
        for (Factor f : potentials) {
            log.addBroadcast(f, 1);
        }
        return log.expNormalized(1).values();
    }

    /** The marginal over attrs (sorted) of a joint over all attributes. */
    static double[] marginal(AttributeDomain domain, double[] joint, int[] attrs) {
        int d = domain.attributes();
        int[] all = new int[d];
        for (int i = 0; i < d; i++) {
            all[i] = i;
        }
        return new Factor(domain, all, joint.clone()).sumTo(attrs).values();
    }
}
