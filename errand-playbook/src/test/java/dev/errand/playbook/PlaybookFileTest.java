package dev.errand.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and checking playbook files: every error at its file:line:column. */
class PlaybookFileTest {
    @TempDir
    Path dir;

    Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }

    @Test
    void theThreeShippedExamplesAreValid() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("../examples/playbooks"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).toList();
        }
        assertThat(examples).hasSize(3);
        for (Path f : examples) {
            assertThat(PlaybookFile.read(f).command()).as(f.toString()).isNotBlank();
        }
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNamingIt() {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> PlaybookFile.read(missing)).isInstanceOf(ErrandException.class)
                .hasMessageStartingWith("cannot read playbook " + missing);
    }

    @Test
    void commandsAreJoinedWithAndAndParamsAreSubstituted() throws Exception {
        Playbook p = PlaybookFile.read(write("deploy", """
                description: deploy
                commands:
                  - echo {{ target }}
                  - make deploy ENV={{target}}
                env:
                  WHERE: "{{target}}"
                lock: deploy-{{target}}
                timeout: 10m
                params:
                  - name: target
                    required: true
                """));
        CreateExecutionRequest r = p.request(Map.of("target", "prod"));
        assertThat(r.command()).isEqualTo("echo prod && make deploy ENV=prod");
        assertThat(r.env()).containsEntry("WHERE", "prod");
        assertThat(r.lock()).isEqualTo("deploy-prod");
        assertThat(r.timeoutSeconds()).isEqualTo(600);
    }

    @Test
    void aMissingRequiredParamOrAnUnknownOneIsAnError() throws Exception {
        Playbook p = PlaybookFile.read(write("p", "script: echo {{x}}\nparams:\n  - name: x\n    required: true\n    description: the x\n"));
        assertThatThrownBy(() -> p.request(Map.of())).isInstanceOf(ErrandException.class)
                .hasMessage("playbook p needs x (the x)");
        assertThatThrownBy(() -> p.request(Map.of("x", "1", "y", "2"))).hasMessageContaining("no param 'y'");
    }

    @Test
    void anUnknownKeyIsReportedAtItsFileLineAndColumn() throws Exception {
        Path f = write("typo", "description: x\ncommands:\n  - true\ncomands:\n  - false\nenv:\n  1BAD: x\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).isInstanceOf(ErrandException.class)
                .hasMessageContaining(f + ":4:1: ").hasMessageContaining("comands")
                .hasMessageContaining(f + ":7:3: ").hasMessageContaining("1BAD");
    }

    @Test
    void errorsAreListedInFileOrder() throws Exception {
        Path f = write("order", "env:\n  1BAD: x\ncommands: [ok]\nnetwork: maybe\ncomands: [x]\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).satisfies(e -> assertThat(e.getMessage().lines()
                .map(l -> l.substring(f.toString().length() + 1, l.indexOf(": "))).toList())
                .containsExactly("2:3", "4:10", "5:1"));
    }

    @Test
    void aWrongTypeIsReportedWhereTheValueIs() throws Exception {
        Path f = write("types", "commands:\n  - echo ok\n  - [nested]\nnetwork: maybe\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).hasMessageContaining(f + ":3:5: ")
                .hasMessageContaining(f + ":4:10: ");
    }

    @Test
    void aScalarWhereAListBelongsIsReportedAtTheValueNotTheKey() throws Exception {
        Path f = write("scalar", "description: x\ncommands: 5\nlock_mode: later\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).hasMessageContaining(f + ":2:11: ")
                .hasMessageNotContaining(f + ":2:1: ").hasMessageContaining(f + ":3:12: ");
        Path nested = write("nested", "script: make\ngit:\n  repo: 42\n  ref:\n    - main\n");
        assertThatThrownBy(() -> PlaybookFile.read(nested)).hasMessageContaining(nested + ":3:9: ")
                .hasMessageContaining(nested + ":5:5: ");
    }

    @Test
    void aMissingGitRepoIsReportedAtTheGitKey() throws Exception {
        Path f = write("git", "script: make\ngit:\n  ref: main\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).hasMessageContaining(f + ":2:1: ").hasMessageContaining("repo");
    }

    @Test
    void brokenYamlIsReportedWithItsLocation() throws Exception {
        Path f = write("broken", "commands:\n  - echo a\n  bad: [\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).hasMessage(f + ":3:3: not valid YAML: expected <block end>, but"
                + " found '?' (while parsing a block collection at 2:3)");
        Path open = write("open", "description: \"never closed\ncommands: [x]\n");
        assertThatThrownBy(() -> PlaybookFile.read(open)).hasMessageStartingWith(open + ":3:1: not valid YAML: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void commandsAndScriptTogetherOrNeitherAreRefused() throws Exception {
        Path both = write("both", "commands: [a]\nscript: b\n");
        Path neither = write("neither", "description: nothing to run\n");
        assertThatThrownBy(() -> PlaybookFile.read(both)).hasMessageContaining(both + ":1:1: give exactly one of");
        assertThatThrownBy(() -> PlaybookFile.read(neither)).hasMessageContaining("give exactly one of");
    }

    @Test
    void anUndeclaredPlaceholderAndABadTimeoutAreReportedWhereTheyAre() throws Exception {
        Path f = write("undeclared", "commands:\n  - echo ok\n  - echo {{who}}\n");
        assertThatThrownBy(() -> PlaybookFile.read(f)).hasMessageContaining(f + ":3:5: {{who}} is not a declared param");
        Path t = write("timeout", "script: x\ntimeout: soon\n");
        assertThatThrownBy(() -> PlaybookFile.read(t)).hasMessageContaining(t + ":2:10: timeout must be");
    }
}
