/**
 * What the api needs of a model, and nothing else: find the version an alias points at, load it,
 * and score encoded facts. Training, evaluation and the registries' internals stay package-private
 * in their own packages.
 */
@NullMarked
package aero.severity.ml.serving;

import org.jspecify.annotations.NullMarked;
