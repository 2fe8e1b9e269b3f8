package aero.severity.ingest.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessArchiveTest {

    @TempDir
    Path folder;

    @Test
    void namesThatClimbOutOrStartAtARootAreUnsafeAndOrdinaryFoldersAreNot() {
        for (String bad : List.of(
                "../avall.mdb",
                "data/../../avall.mdb",
                "/tmp/avall.mdb",
                "\\\\server\\share\\x.mdb",
                "..\\avall.mdb",
                "C:\\avdata\\avall.mdb",
                "c:avall.mdb")) {
            assertThat(AccessArchive.unsafe(bad)).as(bad).isTrue();
        }
        for (String good : List.of("avall.mdb", "data/avall.mdb", "readme..txt", "a/b/c/up08NOV.MDB")) {
            assertThat(AccessArchive.unsafe(good)).as(good).isFalse();
        }
    }

    @Test
    void theAccessFilesComeOutFlatInNameOrderAndOtherEntriesStayIn() throws IOException {
        Map<String, Path> entries = new LinkedHashMap<>();
        entries.put("readme.txt", write("readme.txt", "hello"));
        entries.put("data/up15NOV.mdb", write("b.mdb", "second"));
        entries.put("up08NOV.MDB", write("a.mdb", "first"));
        Path zip = Files.write(folder.resolve("x.zip"), LocalNtsb.zip(entries));

        List<Path> files = AccessArchive.unpack(zip, folder.resolve("out"), 1 << 20, 100);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("up15NOV.mdb", "up08NOV.MDB");
        assertThat(files.get(0)).hasContent("second").hasParent(folder.resolve("out"));
        assertThat(folder.resolve("out/readme.txt")).doesNotExist();
    }

    @Test
    void moreBytesInAllThanTheLimitAreRefusedAsTheyComeOut() throws IOException {
        Path zip = Files.write(
                folder.resolve("big.zip"), LocalNtsb.zip(Map.of("a.mdb", write("a.mdb", "x".repeat(5000)))));
        assertThatThrownBy(() -> AccessArchive.unpack(zip, folder.resolve("out"), 4096, 10_000))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("max-uncompressed-size")
                .extracting(e -> ((FetchException) e).failure())
                .isEqualTo(FetchFailure.ARCHIVE);
        assertThat(folder.resolve("out/a.mdb")).doesNotExist();
    }

    @Test
    void anArchiveWithoutAnAccessFileIsRefused() throws IOException {
        Path zip = Files.write(folder.resolve("x.zip"), LocalNtsb.zip(Map.of("readme.txt", write("r.txt", "hello"))));
        assertThatThrownBy(() -> AccessArchive.unpack(zip, folder.resolve("out"), 1 << 20, 100))
                .hasMessageContaining("holds no Access database");
    }

    @Test
    void anEmptyFileIsNotAZip() throws IOException {
        Path zip = Files.write(folder.resolve("x.zip"), new byte[0]);
        assertThatThrownBy(() -> AccessArchive.unpack(zip, folder.resolve("out"), 1 << 20, 100))
                .hasMessageContaining("x.zip is not a zip archive (it is empty)");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve("src-" + name), text);
    }
}
