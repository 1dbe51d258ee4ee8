/**
 * The differentially private synthesizers MST (McKenna, Miklau and Sheldon 2021) and AIM
 * (McKenna et al., VLDB 2022): domain and discretisation, marginal measurements with an
 * accountant, selection by the exponential mechanism, estimation and sampling, and the privacy
 * report each model carries.
 */
package io.synthline.generator.engine.dp;
