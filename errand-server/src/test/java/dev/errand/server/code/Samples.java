package dev.errand.server.code;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.InputStream;
import java.util.Map;

/**
 * The sample programs of {@code code/samples.yaml}: per language, hello world, a stdin echo, a
 * runtime error, a compile error (compiled languages) and a program that never ends.
 *
 * @param hello prints "hello, world"
 * @param echo copies stdin to stdout
 * @param echoStdin the stdin for {@code echo}, or null for "alpha\nbeta\n"
 * @param echoExpect what {@code echo} must print, or null for its stdin
 * @param runtimeError exits non-zero, or null where the language cannot
 * @param compileError fails to compile (compiled languages)
 * @param timeout never ends
 */
record Samples(String hello, String echo, String echoStdin, String echoExpect, String runtimeError,
        String compileError, String timeout) {
    static Map<String, Samples> load() throws Exception {
        JsonMapper yaml = JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        try (InputStream in = Samples.class.getResourceAsStream("/code/samples.yaml")) {
            return yaml.readValue(in, new TypeReference<Map<String, Samples>>() {});
        }
    }

    String stdinForEcho() {
        return echoStdin == null ? "alpha\nbeta\n" : echoStdin;
    }

    String expectedEcho() {
        return echoExpect == null ? stdinForEcho() : echoExpect;
    }
}
