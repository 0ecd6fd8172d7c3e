package dev.errand.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.errand.server.TestServer;
import dev.errand.server.config.ServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git sources end to end: a real JGit clone from a local repository into a real sandbox's work directory. */
class GitSourceTest {
    static final String TOKEN = "ghp_test-token-0123456789abcdef";
    @TempDir
    static Path dir;
    static TestServer server;
    static Path bare;
    static HttpServer http;

    @BeforeAll
    static void start() throws Exception {
        Path work = dir.resolve("src");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("app"));
            Files.writeString(work.resolve("README"), "top level\n");
            Files.writeString(work.resolve("app/run.sh"), "echo running from the repo\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.tag().setName("v1").call();
            Files.writeString(work.resolve("README"), "second version\n");
            git.commit().setAll(true).setMessage("second").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        bare = dir.resolve("repo.git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        server = TestServer.start(ServerConfig.forDataDir(dir.resolve("data"))
                .withRunbooks(dev.errand.server.config.RunbookConfig.defaults().withFileGitUrls(true)));
        server.send("POST", "/api/v1/secrets", "{\"name\":\"git-token\",\"env_name\":\"GIT_TOKEN\",\"value\":\"" + TOKEN + "\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        if (http != null) {
            http.stop(0);
        }
    }

    static JsonNode run(String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return server.awaitTerminal(TestServer.JSON.readTree(r.body()).get("id").asText());
    }

    @Test
    void theRepositoryIsClonedShallowIntoTheWorkDirectoryAndTheCommandRunsInItsPath() throws Exception {
        JsonNode done = run("{\"command\":\"pwd; sh run.sh; cat ../README; git rev-list --count HEAD 2>/dev/null || ls ../.git/shallow\","
                + "\"git\":{\"repo\":\"" + bare.toUri() + "\",\"path\":\"app\"}}");
        String log = server.logText(done.get("id").asText());
        assertThat(done.get("status").asText()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("/work/app").contains("running from the repo").contains("second version")
                .contains("cloning").contains("checked out");
        assertThat(server.plainLog(done.get("id").asText())).containsPattern("(?m)^\\[errand] cloning ")
                .containsPattern("(?m)^\\[errand] checked out ")
                .doesNotContain("errand: ");
        assertThat(done.get("git").get("path").asText()).isEqualTo("app");
    }

    @Test
    void aTagCanBeCheckedOut() throws Exception {
        JsonNode done = run("{\"command\":\"cat README\",\"git\":{\"repo\":\"" + bare.toUri() + "\",\"ref\":\"v1\"}}");
        assertThat(server.logText(done.get("id").asText())).contains("top level").doesNotContain("second version");
    }

    @Test
    void aCloneFailureFailsTheExecutionWithTheReasonInItsLog() throws Exception {
        JsonNode done = run("{\"command\":\"true\",\"git\":{\"repo\":\"" + bare.toUri() + "\",\"ref\":\"no-such-branch\"}}");
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("reason").asText()).contains("git clone");
        assertThat(server.logText(done.get("id").asText())).contains("no-such-branch");
    }

    @Test
    void credentialsInTheUrlAndBadPathsAreRefused() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\",\"git\":{\"repo\":\"https://user:pw@example.com/r.git\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("must not contain credentials").doesNotContain("pw@");
        assertThat(server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\",\"git\":{\"repo\":\"https://example.com/r.git\",\"path\":\"../etc\"}}").statusCode()).isEqualTo(400);
        assertThat(server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\",\"git\":{\"repo\":\"https://example.com/r.git\",\"token_secret\":\"nope\"}}").body())
                .contains("unknown secret 'nope'");
    }

    @Test
    void aTokenFromASecretAuthenticatesOverHttpAndNeverReachesTheLogTheRecordOrTheClone() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        http.createContext("/", ex -> {
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                ex.close();
                return;
            }
            Path file = bare.resolve(ex.getRequestURI().getPath().substring("/repo.git/".length()));
            if (!Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        try (Git g = Git.open(bare.toFile())) {
            // Dumb-HTTP clients need info/refs and objects/info/packs, as 'git update-server-info' writes them.
            org.eclipse.jgit.lib.Repository repo = g.getRepository();
            StringBuilder refs = new StringBuilder();
            for (var ref : repo.getRefDatabase().getRefs()) {
                refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
            }
            Files.createDirectories(bare.resolve("info"));
            Files.writeString(bare.resolve("info/refs"), refs);
            StringBuilder packs = new StringBuilder();
            try (var list = Files.list(bare.resolve("objects/pack"))) {
                list.filter(f -> f.toString().endsWith(".pack")).forEach(f -> packs.append("P ").append(f.getFileName()).append('\n'));
            }
            Files.createDirectories(bare.resolve("objects/info"));
            Files.writeString(bare.resolve("objects/info/packs"), packs + "\n");
        }
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/repo.git";
        JsonNode done = run("{\"command\":\"cat README; echo tok=$GIT_TOKEN; cat .git/config\","
                + "\"git\":{\"repo\":\"" + url + "\",\"token_secret\":\"git-token\"}}");
        String log = server.logText(done.get("id").asText());
        assertThat(done.get("status").asText()).as(log).isEqualTo("SUCCEEDED");
        assertThat(log).contains("second version").contains("tok=").doesNotContain(TOKEN);
        assertThat(done.toString()).doesNotContain(TOKEN).contains("git-token");
    }
}
