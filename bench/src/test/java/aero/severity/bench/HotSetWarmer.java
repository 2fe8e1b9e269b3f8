package aero.severity.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Puts the hot set in the prediction cache before the measured run, with one batch request, so
 * "hit" in a run means a hit from its first request on.
 */
final class HotSetWarmer {

    private HotSetWarmer() {}

    static void warm(String baseUrl, String bearerToken, List<String> flights) {
        String body = "{\"flights\":[" + String.join(",", flights) + "]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/predict/batch"))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "warming the cache failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("warming the cache failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming the cache", e);
        }
    }
}
