package aero.severity.api.support;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import aero.severity.features.FeatureEncoder;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import aero.severity.ml.serving.ModelRegistry;
import aero.severity.ml.serving.SeverityModel;

/**
 * A registry held in memory, for the serving mechanics until ml's registries are on main: aliases,
 * versions, a version whose artifacts are broken, and an outage switch. Every instance has its own
 * model name, so prediction-cache entries of one test never answer another's.
 */
public final class InMemoryModelRegistry implements ModelRegistry {

    private final String name = "toy-" + UUID.randomUUID().toString().substring(0, 8);
    private final FeatureEncoder encoder = Flights.encoder();
    private final Map<String, ModelId> aliases = new ConcurrentHashMap<>();
    private final Map<ModelId, SeverityModel> versions = new ConcurrentHashMap<>();
    private final Set<ModelId> broken = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    /** Registers a new version and points the champion alias at it. */
    public ModelId promote(String version) {
        ModelId id = new ModelId(name, version, "run-" + version);
        versions.put(id, new ToyModel(id, encoder, version.hashCode()));
        aliases.put(CHAMPION, id);
        return id;
    }

    /** Registers a new version as challenger (the champion stays). */
    public ModelId challenge(String version) {
        ModelId id = new ModelId(name, version, "run-" + version);
        versions.put(id, new ToyModel(id, encoder, version.hashCode()));
        aliases.put(CHALLENGER, id);
        return id;
    }

    /** Points the champion at a version whose artifacts cannot be loaded. */
    public ModelId promoteBroken(String version) {
        ModelId id = new ModelId(name, version, "run-" + version);
        broken.add(id);
        aliases.put(CHAMPION, id);
        return id;
    }

    public void down(boolean down) {
        this.down = down;
    }

    public String name() {
        return name;
    }

    @Override
    public Optional<ModelId> findByAlias(String alias) {
        if (down) {
            throw new ModelLoadException("registry unreachable (simulated outage)");
        }
        return Optional.ofNullable(aliases.get(alias));
    }

    @Override
    public SeverityModel load(ModelId id) {
        if (down) {
            throw new ModelLoadException("registry unreachable (simulated outage)");
        }
        if (broken.contains(id)) {
            throw new ModelLoadException("artifacts of " + id + " are corrupt");
        }
        SeverityModel model = versions.get(id);
        if (model == null) {
            throw new ModelLoadException("no version " + id);
        }
        return model;
    }
}
