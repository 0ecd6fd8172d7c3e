package dev.errand.server.code;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.LanguageView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The language list and image builds, as the API shows them. Thread-safe.
 */
public final class Languages {
    private final LanguageCatalogue catalogue;
    private final Roots roots;
    private final LanguageVersions versions;
    private final LanguageImages images;

    Languages(LanguageCatalogue catalogue, Roots roots, LanguageVersions versions, LanguageImages images) {
        this.catalogue = catalogue;
        this.roots = roots;
        this.versions = versions;
        this.images = images;
    }

    /** @return every catalogue language with where it runs and its version */
    public List<LanguageView> list() {
        return catalogue.all().stream().map(this::view).toList();
    }

    /**
     * Starts building images for these languages (admins only).
     *
     * @param names ids or aliases, 1 to 64
     * @return the languages' views, with their build state
     * @throws ErrandException {@code forbidden} for non-admins, {@code invalid_request} for an
     *     unknown name (nothing is built), {@code unavailable} without mmdebstrap
     */
    public List<LanguageView> install(Principal caller, List<String> names) {
        if (caller.role() != Role.ADMIN) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "only admins may install languages");
        }
        if (names == null || names.isEmpty() || names.size() > 64) {
            throw ErrandException.invalid("languages must list 1 to 64 language ids");
        }
        List<Language> wanted = new ArrayList<>();
        for (String name : names) {
            wanted.add(catalogue.find(name == null ? "" : name).orElseThrow(() -> {
                List<String> close = catalogue.closeMatches(String.valueOf(name));
                return ErrandException.invalid("unknown language '" + name + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
            }));
        }
        images.install(wanted);
        return wanted.stream().map(this::view).toList();
    }

    private LanguageView view(Language l) {
        var root = roots.resolve(l);
        return new LanguageView(l.id(), l.name(), l.aliases(), versions.version(l), l.file(), l.compiled(),
                root.isPresent(), root.map(Root::name).orElse(null), l.packages(), images.state(l));
    }
}
