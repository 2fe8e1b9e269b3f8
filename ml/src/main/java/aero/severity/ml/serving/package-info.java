/**
 * What the api needs of a model, and nothing else: find the version an alias points at, load it,
 * and score encoded facts. The api reaches {@code ml} through this package only (its
 * {@code ApiArchitectureTest} holds it to that); the other packages are public to one another because
 * the {@code ml} command line composes them, not for the api to use. Nothing here depends on them.
 */
@NullMarked
package aero.severity.ml.serving;

import org.jspecify.annotations.NullMarked;
