package aero.severity.ingest.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code severity.ingest.fetch.*}: where the NTSB's files are and how carefully they are fetched.
 *
 * @param baseUrl a file's URL is this with the file name appended, or with {@code {file}} replaced when
 *        it holds that placeholder. The default is the NTSB's download endpoint, which takes the file
 *        as a Windows path in a query parameter ({@code fileID=C:\avdata\avall.zip}, URL-encoded).
 * @param maxAttempts tries per file for what may pass (connection errors, timeouts, a transfer that broke
 *        off, 408, 429, 5xx); 4xx otherwise fails at once
 * @param initialBackoff wait before the second try; doubled each time, never above {@code maxBackoff}
 *        (a {@code Retry-After} is honoured within the same bound)
 * @param readTimeout longest silence while waiting for the response or between two pieces of its body
 * @param maxDownloadSize an archive announced or growing past this is refused
 * @param maxUncompressedSize most bytes the Access files of one archive may unpack to
 * @param maxCompressionRatio most uncompressed bytes per compressed byte of an entry (past its first MB); the
 *        generated NTSB-schema files deflate 8-14x, a zip bomb about 1000x (100 is Apache POI's default limit too)
 * @param months without {@code --files}: the updates of this many months back (the NTSB keeps 3 online)
 * @param updateDays the days of the month the NTSB dates its updates by ({@code up08APR}: April 1-7, ...)
 * @param downloadDir where archives ({@code .part} while arriving) and their unpacked Access files go
 */
@Validated
@ConfigurationProperties("severity.ingest.fetch")
public record FetchProperties(
        @NotBlank @DefaultValue("https://data.ntsb.gov/avdata/FileDirectory/DownloadFile?fileID=C%3A%5Cavdata%5C")
        String baseUrl,

        @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
        Duration connectTimeout,

        @NotNull @DurationMin(millis = 1) @DefaultValue("60s")
        Duration readTimeout,

        @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,

        @NotNull @DurationMin(millis = 0) @DefaultValue("1s")
        Duration initialBackoff,

        @NotNull @DurationMax(minutes = 10) @DefaultValue("30s")
        Duration maxBackoff,

        @NotNull @DefaultValue("2GB") DataSize maxDownloadSize,
        @NotNull @DefaultValue("8GB") DataSize maxUncompressedSize,
        @Min(2) @DefaultValue("100") int maxCompressionRatio,
        @Min(1) @Max(12) @DefaultValue("3") int months,
        @NotEmpty @DefaultValue({"1", "8", "15", "22"}) List<@Min(1) @Max(28) Integer> updateDays,
        @NotNull @DefaultValue("./.data/fetch") Path downloadDir) {

    public FetchProperties {
        if (maxDownloadSize.toBytes() <= 0 || maxUncompressedSize.toBytes() <= 0) {
            throw new IllegalArgumentException("max-download-size and max-uncompressed-size must be positive");
        }
        updateDays = List.copyOf(updateDays);
    }
}
