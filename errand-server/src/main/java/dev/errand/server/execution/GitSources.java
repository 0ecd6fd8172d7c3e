package dev.errand.server.execution;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.GitSource;
import java.net.URI;
import java.util.Set;

/** Checks a request's git source: a credential-free URL of a known scheme, a sane ref and a relative path. */
final class GitSources {
    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "file");

    private GitSources() {}

    /** @return the source, or null; @throws ErrandException {@code invalid_request} naming the bad field */
    static GitSource check(GitSource git) {
        if (git == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(git.repo() == null ? "" : git.repo());
        } catch (IllegalArgumentException e) {
            throw ErrandException.invalid("git repo is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
            throw ErrandException.invalid("git repo must be an https://, http://, git:// or file:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ErrandException.invalid("git repo must not contain credentials: put the token in a secret and"
                    + " name it with git.token_secret");
        }
        if (git.ref() != null && !git.ref().matches("[A-Za-z0-9._/-]{1,200}") || git.ref() != null && git.ref().contains("..")) {
            throw ErrandException.invalid("git ref '" + git.ref() + "' is not a valid branch or tag name");
        }
        if (git.path() != null && (git.path().contains("..") || git.path().contains("\0"))) {
            throw ErrandException.invalid("git path must be a directory inside the repository, without '..'");
        }
        String path = git.path() == null ? null : git.path().replaceAll("^(\\./|/)+", "").replaceAll("/+$", "");
        return new GitSource(git.repo(), git.ref(), path == null || path.isEmpty() ? null : path, git.tokenSecret());
    }
}
