package aero.severity.api.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the example files of {@value #FOLDER} (named {@code <operationId>.<request|status>.<name>.json},
 * summaries in {@code summaries.properties}) on their operations' request body or response, so that
 * long examples live as JSON files instead of strings in the controllers. A file whose operation,
 * request body or response does not exist stops the document with its name.
 */
final class OperationExamples implements OpenApiCustomizer {

    static final String FOLDER = "openapi/examples";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> examples = new HashMap<>();
    private final Properties summaries = new Properties();

    OperationExamples() {
        try {
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath:" + FOLDER + "/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    examples.put(file.getFilename(), JSON.readValue(in, Object.class));
                }
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + "/summaries.properties")) {
                if (in != null) {
                    summaries.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI examples in " + FOLDER, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Operation> byId = new HashMap<>();
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> byId.put(op.getOperationId(), op)));
        examples.forEach((file, value) -> {
            String[] parts = file.substring(0, file.length() - ".json".length()).split("\\.", 3);
            if (parts.length != 3) {
                throw new IllegalStateException(
                        FOLDER + "/" + file + ": name it <operationId>.<request|status>.<name>.json");
            }
            Operation operation = byId.get(parts[0]);
            if (operation == null) {
                throw new IllegalStateException(
                        FOLDER + "/" + file + ": no operation '" + parts[0] + "' in " + byId.keySet());
            }
            Content content;
            if (parts[1].equals("request")) {
                content = operation.getRequestBody() == null
                        ? null
                        : operation.getRequestBody().getContent();
            } else {
                ApiResponse response = operation.getResponses() == null
                        ? null
                        : operation.getResponses().get(parts[1]);
                content = response == null ? null : response.getContent();
            }
            if (content == null || content.isEmpty()) {
                throw new IllegalStateException(
                        FOLDER + "/" + file + ": operation " + parts[0] + " has no " + parts[1] + " body");
            }
            Example example =
                    new Example().value(value).summary(summaries.getProperty(file.substring(0, file.length() - 5)));
            content.values().forEach(media -> media.addExamples(parts[2], example));
        });
    }
}
