package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void auditListSendsEveryFilterAndPrintsATable() {
        server.on("GET", "/api/v1/audit", 200, "{\"items\":[" + IdentityFixtures.entry(7, "execution.create", "ok")
                + "],\"next_cursor\":\"7\"}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("audit", "list", "--user", "alice@example.com",
                "--action", "execution.*", "--target", "ex_1", "--since", "2026-01-02", "--until", "2026-01-03T00:00:00Z",
                "--outcome", "ok", "--limit", "10");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("user=alice%40example.com&action=execution.*&target=ex_1"
                + "&since=2026-01-02T00%3A00%3A00Z&until=2026-01-03T00%3A00%3A00Z&outcome=ok&limit=10");
        assertThat(r.out()).contains("SEQ  TIME (UTC)           USER               ROLE       ACTION")
                .contains("7    2026-01-02 03:04:05  alice@example.com  developer  execution.create  execution:ex_1  ok");
        assertThat(r.err()).contains("next page: add --cursor 7");
    }

    @Test
    void aDurationSinceMeansThatLongAgo() {
        server.on("GET", "/api/v1/audit", 200, "{\"items\":[]}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("audit", "list", "--since", "15m");

        assertThat(r.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).matches("since=\\d{4}-\\d\\d-\\d\\dT.*&limit=50");
        assertThat(r.err()).contains("no audit entries found");
        assertThat(new CliHarness(dir).server(server).run("audit", "list", "--since", "last tuesday").exitCode()).isEqualTo(2);
    }

    @Test
    void auditVerifyExitsZeroForAnIntactChain() {
        server.on("GET", "/api/v1/audit/verify", 200,
                "{\"intact\":true,\"entries\":42,\"head_seq\":42,\"head_hash\":\"" + "b".repeat(64) + "\"}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("audit", "verify");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  Intact: yes").contains("  Entries checked: 42").contains("  Head: #42 " + "b".repeat(64));
        assertThat(r.err()).contains("✓ the audit chain is intact (42 entries)");
    }

    @Test
    void auditVerifyNamesTheFirstBrokenLinkAndExitsOne() {
        server.on("GET", "/api/v1/audit/verify", 200, "{\"intact\":false,\"entries\":17,\"head_seq\":42,\"head_hash\":\""
                + "b".repeat(64) + "\",\"broken\":{\"seq\":17,\"reason\":\"entry 17 does not match its hash: it was altered\"}}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("audit", "verify");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("  Intact: no").contains("  First broken link: #17: entry 17 does not match its hash");
        assertThat(r.err()).contains("✗ the audit chain is broken at entry 17");
    }

    @Test
    void auditExportStreamsJsonLinesToStdoutOrAPrivateFile() throws Exception {
        String lines = IdentityFixtures.entry(1, "claim", "ok") + "\n" + IdentityFixtures.entry(2, "execution.create", "ok") + "\n";
        server.on("GET", "/api/v1/audit/export", request -> new StubServer.Reply(200, lines, "application/x-ndjson"));

        CliHarness.Result out = new CliHarness(dir).server(server).run("audit", "export", "--outcome", "ok");
        assertThat(out.out()).isEqualTo(lines);
        assertThat(server.requests().getFirst().query()).isEqualTo("outcome=ok");
        assertThat(out.err()).contains("✓ exported 2 audit entries");

        Path file = dir.resolve("audit.jsonl");
        CliHarness.Result toFile = new CliHarness(dir).server(server).run("audit", "export", "-o", file.toString());
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(lines);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void onlyAdminsMayReadTheAuditTrail() {
        server.on("GET", "/api/v1/audit/export", 403, Fixtures.error("forbidden", "role viewer may not audit.read"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("audit", "export");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("role viewer may not audit.read (code forbidden, request req_42)");
    }
}
