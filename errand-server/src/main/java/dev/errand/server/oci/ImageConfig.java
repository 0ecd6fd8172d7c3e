package dev.errand.server.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an OCI image config (image-spec {@code config}) that shape how its containers run,
 * or overrides of them. In an override a null field means "keep the image's"; an empty list clears.
 *
 * @param entrypoint the program and leading arguments ({@code Entrypoint}), empty for none
 * @param cmd default arguments, or the program when there is no entrypoint ({@code Cmd})
 * @param env environment entries {@code NAME=value} in order ({@code Env})
 * @param workingDir the absolute working directory, empty for the image default ({@code WorkingDir})
 * @param user {@code user[:group]} by name or number, empty for root ({@code User})
 */
public record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir, String user) {
    /** An override that changes nothing. */
    public static final ImageConfig NO_OVERRIDES = new ImageConfig(null, null, null, null, null);

    /** Copies the lists. */
    public ImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = env == null ? null : List.copyOf(env);
    }

    /**
     * @param config the image config blob (the JSON document the manifest's {@code config} names)
     * @return its run settings, with empty lists and strings for what it leaves out
     */
    static ImageConfig fromBlob(JsonNode config) {
        JsonNode c = config.path("config");
        return new ImageConfig(strings(c.path("Entrypoint")), strings(c.path("Cmd")), strings(c.path("Env")),
                c.path("WorkingDir").asText(""), c.path("User").asText(""));
    }

    /** @return this config with every non-null field of {@code o} applied; env entries replace by name */
    ImageConfig overriddenBy(ImageConfig o) {
        List<String> mergedEnv = env;
        if (o.env != null) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (String e : env) {
                byName.put(e.split("=", 2)[0], e);
            }
            for (String e : o.env) {
                byName.put(e.split("=", 2)[0], e);
            }
            mergedEnv = List.copyOf(byName.values());
        }
        return new ImageConfig(o.entrypoint != null ? o.entrypoint : entrypoint, o.cmd != null ? o.cmd : cmd, mergedEnv,
                o.workingDir != null ? o.workingDir : workingDir, o.user != null ? o.user : user);
    }

    /** @return the environment as a map, later entries winning, entries without {@code =} ignored */
    public Map<String, String> envMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                out.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return out;
    }

    /** @return the entrypoint followed by the cmd: what {@code docker run IMAGE} would run */
    public List<String> defaultProcess() {
        List<String> argv = new ArrayList<>(entrypoint);
        argv.addAll(cmd);
        return argv;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
