/** Lineage of synthetic data (source -> profile -> model -> synthetic -> evaluation -> release) and its OpenLineage export. */
package io.synthline.governance.engine.lineage;
