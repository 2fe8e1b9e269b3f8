package aero.severity.api.model;

import org.jspecify.annotations.Nullable;

/**
 * What one look at the registry did.
 *
 * @param live    the model serving after the refresh (the old one when nothing changed or loading failed)
 * @param message what happened, for logs and the reload endpoint
 */
public record Refresh(Outcome outcome, @Nullable LiveModel live, String message) {

    public enum Outcome {
        /** A new version was loaded and now serves. */
        SWAPPED(true),
        /** The alias still points at the version being served. */
        UNCHANGED(true),
        /** The registry has no such alias yet (nothing trained). */
        NO_CHAMPION(false),
        /** The registry could not be asked (MLflow down, folder unreadable). */
        REGISTRY_UNAVAILABLE(false),
        /** The alias moved but the new version could not be loaded; the previous one keeps serving. */
        LOAD_FAILED(false);

        private final boolean success;

        Outcome(boolean success) {
            this.success = success;
        }

        public boolean success() {
            return success;
        }
    }
}
