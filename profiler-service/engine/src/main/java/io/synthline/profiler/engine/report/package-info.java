/**
 * Renderings of a finished profile: self-contained HTML pages (single table and relational; inline
 * CSS and SVG, nothing fetched) and the terminal text of {@code synth profile --format text}.
 */
package io.synthline.profiler.engine.report;
