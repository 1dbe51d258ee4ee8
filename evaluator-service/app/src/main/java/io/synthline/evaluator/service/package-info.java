/** Records evaluations and runs them as jobs with the evaluator engine. */
package io.synthline.evaluator.service;
