/**
 * Which model serves: the registry's {@code champion}, loaded at start, polled for changes and
 * swapped atomically; the last good model stays when the registry is away or a new version does not
 * load. Kept apart from the request path, which only reads {@link aero.severity.api.model.ChampionModel#current()}.
 */
@NullMarked
package aero.severity.api.model;

import org.jspecify.annotations.NullMarked;
