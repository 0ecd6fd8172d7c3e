package dev.errand.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.PlaybookParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a playbook read from text becomes the execution request it stands for. */
class PlaybookTest {
    static final String DEPLOY = """
            description: deploy one service
            image: tools-{{flavour}}
            git:
              repo: https://git.example.com/{{service}}.git
              ref: "{{ref}}"
              path: deploy
              token_secret: git-token
            secrets: [deploy-key]
            env:
              SERVICE: "{{service}}"
              RETRIES: 3
            script: ./deploy {{service}}
            lock: deploy-{{service}}
            lock_mode: fail
            timeout: 15m
            network: false
            params:
              - name: service
                description: which service
                required: true
              - name: ref
                default: main
              - name: flavour
                default: 2
                required: true
            """;

    final Playbook deploy = PlaybookFile.parse("deploy.yaml", DEPLOY);

    @Test
    void aPlaybookReadFromTextIsNamedAfterItsFileAndListsItsParams() {
        assertThat(deploy.name()).isEqualTo("deploy");
        assertThat(deploy.file()).isEqualTo("deploy.yaml");
        assertThat(deploy.description()).isEqualTo("deploy one service");
        assertThat(deploy.params()).containsExactly(new PlaybookParam("service", "which service", null, true),
                new PlaybookParam("ref", null, "main", false), new PlaybookParam("flavour", null, "2", true));
        assertThat(PlaybookFile.parse("some/dir/ops.yml", "script: x\n").name()).isEqualTo("ops");
    }

    @Test
    void everyPlaceholderIsFilledAndTheRestIsKeptAsWritten() {
        CreateExecutionRequest r = deploy.request(Map.of("service", "billing"));
        assertThat(r.command()).isEqualTo("./deploy billing");
        assertThat(r.image()).isEqualTo("tools-2");
        assertThat(r.git()).isEqualTo(new GitSource("https://git.example.com/billing.git", "main", "deploy", "git-token"));
        assertThat(r.env()).containsExactly(Map.entry("SERVICE", "billing"), Map.entry("RETRIES", "3"));
        assertThat(r.secrets()).containsExactly("deploy-key");
        assertThat(r.lock()).isEqualTo("deploy-billing");
        assertThat(r.lockMode()).isEqualTo("fail");
        assertThat(r.timeoutSeconds()).isEqualTo(900);
        assertThat(r.network()).isFalse();
        assertThat(r.limits()).isNull();
    }

    @Test
    void theTemplateKeepsThePlaceholders() {
        CreateExecutionRequest t = deploy.template();
        assertThat(t.command()).isEqualTo("./deploy {{service}}");
        assertThat(t.lock()).isEqualTo("deploy-{{service}}");
        assertThat(t.env()).containsEntry("SERVICE", "{{service}}");
    }

    @Test
    void aRequiredParamWithADefaultIsNotMissingButOneWithoutIs() {
        assertThat(deploy.missing(Map.of())).extracting(PlaybookParam::name).containsExactly("service");
        assertThat(deploy.missing(Map.of("service", "x"))).isEmpty();
        Map<String, String> nulls = new HashMap<>();
        nulls.put("service", null);
        assertThat(deploy.missing(nulls)).extracting(PlaybookParam::name).containsExactly("service");
        assertThatThrownBy(() -> deploy.request(nulls)).isInstanceOf(ErrandException.class)
                .hasMessage("playbook deploy needs service (which service)");
    }

    @Test
    void anEmptyValueIsAValueAndAnUndeclaredOptionalParamBecomesEmpty() {
        Playbook p = PlaybookFile.parse("p.yaml", "script: echo [{{a}}] [{{b}}]\nparams:\n  - name: a\n    required: true\n"
                + "  - name: b\n");
        assertThat(p.request(Map.of("a", "")).command()).isEqualTo("echo [] []");
    }

    @Test
    void aPlaybookWithoutEnvOrSecretsSendsNeither() {
        CreateExecutionRequest r = PlaybookFile.parse("p.yaml", "commands: [make]\n").request(Map.of());
        assertThat(r).isEqualTo(new CreateExecutionRequest("make", null, null, null, null));
        assertThat(List.of(r.secrets() == null, r.git() == null, r.lock() == null)).containsOnly(true);
    }
}
