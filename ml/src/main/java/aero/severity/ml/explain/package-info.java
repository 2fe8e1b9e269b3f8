/**
 * Why a model gave its answer: exact additive contributions of the encoded columns to each class's
 * raw score (TreeSHAP for the trees, coefficient x (value - training mean) for the linear model),
 * added up to the request fields they came from, and their mean magnitude over a period (global
 * importance).
 */
@NullMarked
package aero.severity.ml.explain;

import org.jspecify.annotations.NullMarked;
