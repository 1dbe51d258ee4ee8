/** The evaluation API: results (JSON) and reports (HTML). */
package io.synthline.evaluator.rest;
