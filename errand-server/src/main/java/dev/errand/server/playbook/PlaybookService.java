package dev.errand.server.playbook;

import dev.errand.playbook.Playbook;
import dev.errand.playbook.PlaybookFile;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.PlaybookRenderRequest;
import dev.errand.protocol.PlaybookRenderView;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a playbook sent as text and renders it, as {@code errand playbook run} does with a file on
 * disk. Holds no state and touches no store; thread-safe.
 */
public final class PlaybookService {
    /** The largest playbook accepted, in UTF-8 bytes: 256 KiB. */
    static final int MAX_YAML_BYTES = 256 << 10;
    private static final String DEFAULT_FILE_NAME = "playbook.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");

    /**
     * @return the playbook's name, description and params, what it fixes as written, and the
     *     rendered request: always when params are given, else only when no required param lacks a value
     * @throws ErrandException {@code payload_too_large} for a playbook over {@link #MAX_YAML_BYTES};
     *     {@code invalid_request} for a missing {@code yaml} or a bad {@code file_name}, for bad YAML
     *     and schema errors (every one, a line each, as {@code file:line:column: message}), and, when
     *     params are given, for a required one missing or one the playbook does not declare
     */
    public PlaybookRenderView render(PlaybookRenderRequest req) {
        if (req.yaml() == null) {
            throw ErrandException.invalid("yaml is required: the playbook file's text");
        }
        int bytes = req.yaml().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_YAML_BYTES) {
            throw new ErrandException(ErrorCode.PAYLOAD_TOO_LARGE, "the playbook is " + bytes
                    + " bytes; the limit is " + MAX_YAML_BYTES + " (256 KiB)");
        }
        String fileName = req.fileName() == null ? DEFAULT_FILE_NAME : req.fileName();
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw ErrandException.invalid("file_name must be a file's name (1 to 255 characters, no '/', '\\'"
                    + " or control characters), such as deploy.yaml");
        }
        Playbook p = PlaybookFile.parse(fileName, req.yaml());
        CreateExecutionRequest request = req.params() != null ? p.request(req.params())
                : p.missing(Map.of()).isEmpty() ? p.request(Map.of()) : null;
        return new PlaybookRenderView(p.name(), p.description(), p.params(), p.template(), request);
    }
}
