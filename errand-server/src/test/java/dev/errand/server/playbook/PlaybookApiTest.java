package dev.errand.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/playbooks/render} against a real server: rendering, every kind of error, and who may. */
class PlaybookApiTest {
    static final String GREET = """
            description: greet someone
            commands:
              - echo "hello {{who}} from $PLACE"
              - echo "{{greeting}}"
            env:
              PLACE: "{{where}}"
            lock: greet-{{who}}
            timeout: 2m
            params:
              - name: who
                description: whom to greet
                required: true
              - name: where
                default: the sandbox
              - name: greeting
                default: bye
            """;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static HttpResponse<String> render(String key, String fileName, String yaml, Map<String, String> params)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file_name", fileName);
        body.put("yaml", yaml);
        if (params != null) {
            body.put("params", params);
        }
        return server.send("POST", "/api/v1/playbooks/render", TestServer.JSON.writeValueAsString(body), key);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body());
    }

    @Test
    void aPlaybookWithParamsRendersToTheRequestThatRuns() throws Exception {
        HttpResponse<String> r = render(server.key(), "greet.yaml", GREET, Map.of("who", "ops"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode view = json(r);
        assertThat(view.get("name").asText()).isEqualTo("greet");
        assertThat(view.get("description").asText()).isEqualTo("greet someone");
        assertThat(view.get("params")).isEqualTo(TestServer.JSON.readTree("""
                [{"name":"who","description":"whom to greet","required":true},
                 {"name":"where","default":"the sandbox","required":false},
                 {"name":"greeting","default":"bye","required":false}]"""));
        assertThat(view.get("template").get("lock").asText()).isEqualTo("greet-{{who}}");
        JsonNode request = view.get("request");
        assertThat(request).isEqualTo(TestServer.JSON.readTree("""
                {"command":"echo \\"hello ops from $PLACE\\" && echo \\"bye\\"","env":{"PLACE":"the sandbox"},
                 "timeout_seconds":120,"lock":"greet-ops"}"""));

        String id = json(server.send("POST", "/api/v1/executions", request.toString())).get("id").asText();
        assertThat(server.awaitTerminal(id).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(server.logText(id)).contains("hello ops from the sandbox").contains("bye");
    }

    @Test
    void withoutParamsTheAnswerDescribesThePlaybookAndRendersOnlyWhenNothingRequiredIsMissing() throws Exception {
        JsonNode needs = json(render(server.key(), "greet.yaml", GREET, null));
        assertThat(needs.get("params")).hasSize(3);
        assertThat(needs.get("template").get("command").asText()).contains("hello {{who}}");
        assertThat(needs.has("request")).isFalse();

        JsonNode plain = json(render(server.key(), "plain.yml", "script: echo {{x}}\nparams:\n  - name: x\n    default: y\n", null));
        assertThat(plain.get("name").asText()).isEqualTo("plain");
        assertThat(plain.get("request").get("command").asText()).isEqualTo("echo y");
    }

    @Test
    void aMissingRequiredParamOrAnUnknownOneIsAnInvalidRequest() throws Exception {
        HttpResponse<String> missing = render(server.key(), "greet.yaml", GREET, Map.of("where", "here"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").get("code").asText()).isEqualTo("invalid_request");
        assertThat(json(missing).get("error").get("message").asText()).isEqualTo("playbook greet needs who (whom to greet)");

        HttpResponse<String> unknown = render(server.key(), "greet.yaml", GREET, Map.of("who", "a", "whom", "b"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").get("message").asText()).contains("has no param 'whom'");
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtItsLineAndColumn() throws Exception {
        HttpResponse<String> r = render(server.key(), "broken.yaml", "commands:\n  - echo a\n  bad: [\n", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_request");
        assertThat(error.get("message").asText()).isEqualTo("broken.yaml:3:3: not valid YAML: expected <block end>,"
                + " but found '?' (while parsing a block collection at 2:3)");
    }

    @Test
    void everySchemaErrorIsReportedOneALineAtItsFileLineAndColumn() throws Exception {
        HttpResponse<String> r = render(server.key(), "typo.yaml",
                "description: x\ncommands:\n  - make\ncomands:\n  - make x\nenv:\n  1BAD: x\n", null);
        assertThat(r.statusCode()).isEqualTo(400);
        String[] lines = json(r).get("error").get("message").asText().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines).anyMatch(l -> l.startsWith("typo.yaml:4:1: ") && l.contains("comands"))
                .anyMatch(l -> l.startsWith("typo.yaml:7:3: ") && l.contains("1BAD"));
    }

    @Test
    void aViewerIsRefusedADeveloperMayAndNeitherAnswerChangesTheAuditTrailUnlessRefused() throws Exception {
        String viewer = TestUsers.create(server, TestUsers.email("viewer"), "viewer").key();
        String developer = TestUsers.create(server, TestUsers.email("developer"), "developer").key();
        HttpResponse<String> refused = render(viewer, "greet.yaml", GREET, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("forbidden");
        assertThat(render(developer, "greet.yaml", GREET, Map.of("who", "dev")).statusCode()).isEqualTo(200);

        JsonNode audit = json(server.send("GET", "/api/v1/audit?action=playbook.render", null)).get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("outcome").asText()).isEqualTo("denied");
    }

    @Test
    void aPlaybookOver256KiBOrABadFileNameIsRefused() throws Exception {
        String big = "script: echo hi\ndescription: \"" + "x".repeat(256 * 1024) + "\"\n";
        HttpResponse<String> tooBig = render(server.key(), "big.yaml", big, null);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).get("error").get("message").asText()).contains("the limit is 262144 (256 KiB)");

        HttpResponse<String> badName = render(server.key(), "../etc/x.yaml", "script: echo\n", null);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName).get("error").get("message").asText()).startsWith("file_name must be");
        HttpResponse<String> noYaml = server.send("POST", "/api/v1/playbooks/render", "{\"file_name\":\"a.yaml\"}");
        assertThat(json(noYaml).get("error").get("message").asText()).startsWith("yaml is required");
    }
}
