package dev.errand.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    final AccessPolicy policy = AccessPolicy.standard();
    final Principal dev = new Principal("usr_dev", "dev@example.com", Role.DEVELOPER, "key_dev");
    final Principal viewer = new Principal("usr_view", "view@example.com", Role.VIEWER, "key_view");

    @Test
    void adminsMayDoEverything() {
        for (Action a : Action.values()) {
            assertThat(policy.scope(Role.ADMIN, a)).as(a.wireName()).isNotEqualTo(Scope.NONE);
        }
    }

    @Test
    void viewersChangeNothingButTheirOwnKeys() {
        for (Action a : Action.values()) {
            if (a.mutating() && !a.isPublic() && a != Action.KEY_CREATE && a != Action.KEY_REVOKE) {
                assertThat(policy.scope(Role.VIEWER, a)).as(a.wireName()).isEqualTo(Scope.NONE);
            }
        }
        assertThat(policy.scope(Role.VIEWER, Action.EXECUTION_READ)).isEqualTo(Scope.ALL);
    }

    @Test
    void developersActOnlyOnTheirOwnExecutions() {
        assertThat(policy.allows(dev, Action.EXECUTION_READ, "usr_dev")).isTrue();
        assertThat(policy.allows(dev, Action.EXECUTION_READ, "usr_other")).isFalse();
        assertThat(policy.allows(dev, Action.EXECUTION_KILL, "usr_other")).isFalse();
        assertThat(policy.ownerFilter(dev, Action.EXECUTION_LIST)).isEqualTo("usr_dev");
        assertThat(policy.ownerFilter(viewer, Action.EXECUTION_LIST)).isNull();
    }

    @Test
    void someoneElsesResourceIsHiddenAs404AndAMissingRightIs403() {
        assertThatThrownBy(() -> policy.requireAccess(dev, Action.EXECUTION_KILL, "usr_other", "no execution 'ex_1'"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no execution 'ex_1'");
                });
        assertThatThrownBy(() -> policy.requireAccess(viewer, Action.EXECUTION_KILL, "usr_view", "no execution 'ex_1'"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessage("role viewer may not execution.kill");
    }

    @Test
    void theShorthandsOnPrincipalFollowThePolicy() {
        assertThat(viewer.seesAll()).isTrue();
        assertThat(viewer.mayChange()).isFalse();
        assertThat(dev.seesAll()).isFalse();
        assertThat(dev.mayChange()).isTrue();
    }

    @Test
    void theRolesTableInTheSecurityDocsIsThePolicy() throws Exception {
        String doc = Files.readString(Path.of("../docs/security.md"));
        assertThat(doc).contains(markdown());
    }

    /** @return the policy as the markdown table docs/security.md prints */
    String markdown() {
        StringBuilder out = new StringBuilder("| action | admin | operator | developer | viewer |\n|---|---|---|---|---|\n");
        for (Action a : Action.values()) {
            out.append("| `").append(a.wireName()).append("` | ").append(Arrays.stream(Role.values())
                    .map(r -> policy.scope(r, a).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return out.toString();
    }
}
