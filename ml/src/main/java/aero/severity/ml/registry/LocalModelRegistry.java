package aero.severity.ml.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import aero.severity.ml.model.ModelBundle;
import aero.severity.ml.serving.ModelId;
import aero.severity.ml.serving.ModelLoadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of the embedded default: versions and aliases in a folder, no outside server.
 *
 * <pre>
 * {root}/{model name}/versions/{n}/   the model's files (ModelBundle) + run.json + promotion.json
 * {root}/{model name}/aliases.json    {"champion": "2", "challenger": "3"}
 * </pre>
 *
 * A version appears whole or not at all (written aside, then moved into place); aliases are
 * replaced atomically, so the api never reads a half-written version or alias file.
 */
public final class LocalModelRegistry implements ModelStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final String modelName;

    public LocalModelRegistry(Path root, String modelName) {
        this.root = root.toAbsolutePath().normalize();
        this.modelName = modelName;
    }

    private Path modelDir() {
        return root.resolve(modelName);
    }

    private Path versionsDir() {
        return modelDir().resolve("versions");
    }

    private Path aliasesFile() {
        return modelDir().resolve("aliases.json");
    }

    @Override
    public Optional<ModelId> findByAlias(String alias) {
        String version = readAliases().get(alias);
        return version == null ? Optional.empty() : Optional.of(new ModelId(modelName, version, null));
    }

    @Override
    public synchronized ModelId register(ModelBundle bundle, RunRecord run) {
        try {
            Files.createDirectories(versionsDir());
            Path staging = versionsDir().resolve(".incoming-" + UUID.randomUUID());
            bundle.writeTo(staging);
            Files.write(
                    staging.resolve("run.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(run));
            while (true) {
                int next = latestVersion() + 1;
                try {
                    Files.move(staging, versionsDir().resolve(Integer.toString(next)), StandardCopyOption.ATOMIC_MOVE);
                    return new ModelId(modelName, Integer.toString(next), null);
                } catch (FileAlreadyExistsException e) {
                    // another trainer took that number: take the next one
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the model in " + versionsDir(), e);
        }
    }

    @Override
    public synchronized void setAlias(String alias, ModelId id) {
        if (!Files.isDirectory(versionDir(id))) {
            throw new IllegalArgumentException(
                    "no version " + id.version() + " of " + modelName + " in " + versionsDir());
        }
        Map<String, String> aliases = new TreeMap<>(readAliases());
        aliases.put(alias, id.version());
        writeAtomically(aliasesFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(aliases));
    }

    @Override
    public ModelBundle loadBundle(ModelId id) {
        Path dir = versionDir(id);
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("no version " + id.version() + " of " + modelName + " in " + versionsDir());
        }
        return ModelBundle.readFrom(dir);
    }

    @Override
    public void recordDecision(ModelId id, PromotionDecision decision) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("decision", decision.outcome());
        record.put("reason", decision.reason());
        record.put(
                "champion_compared",
                decision.champion() == null ? null : decision.champion().version());
        record.put(
                "challenger_metrics",
                decision.challengerReport() == null
                        ? null
                        : decision.challengerReport().asFlatMetrics(""));
        record.put(
                "champion_metrics",
                decision.championReport() == null
                        ? null
                        : decision.championReport().asFlatMetrics(""));
        record.put("recent_horizon", decision.horizon());
        record.put(
                "challenger_recent_horizon_metrics",
                decision.challengerHorizonReport() == null
                        ? null
                        : decision.challengerHorizonReport().asFlatMetrics(""));
        record.put(
                "champion_recent_horizon_metrics",
                decision.championHorizonReport() == null
                        ? null
                        : decision.championHorizonReport().asFlatMetrics(""));
        writeAtomically(
                versionDir(id).resolve("promotion.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
    }

    /** {@code {root}/{model name}/runs/{time}-{id}/}: run.json, the files, and children/{n}/run.json. */
    @Override
    public String logRuns(RunRecord parent, List<RunRecord> children, Map<String, byte[]> files) {
        Path dir = modelDir()
                .resolve("runs")
                .resolve(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(dir.resolve("children"));
            Files.write(
                    dir.resolve("run.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(parent));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
            }
            for (int i = 0; i < children.size(); i++) {
                Path child = Files.createDirectories(dir.resolve("children").resolve(Integer.toString(i + 1)));
                Files.write(
                        child.resolve("run.json"),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(children.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the runs in " + dir, e);
        }
        return dir.toString();
    }

    @Override
    public String describe() {
        return "local folder " + modelDir();
    }

    public Path versionDir(ModelId id) {
        if (!id.version().matches("[0-9]+")) {
            throw new ModelLoadException("not a version number: '" + id.version() + "'");
        }
        return versionsDir().resolve(id.version());
    }

    private int latestVersion() throws IOException {
        if (!Files.isDirectory(versionsDir())) {
            return 0;
        }
        try (Stream<Path> versions = Files.list(versionsDir())) {
            return versions.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9]+"))
                    .mapToInt(Integer::parseInt)
                    .max()
                    .orElse(0);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> readAliases() {
        Path file = aliasesFile();
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), Map.class);
        } catch (IOException | JacksonException e) {
            throw new ModelLoadException("cannot read the aliases in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) {
        try {
            Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID());
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
