package dev.errand.server.git;

import dev.errand.protocol.GitSource;
import dev.errand.protocol.LogStream;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.driver.WorkDirPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Clones a {@link GitSource} (depth 1, one branch) into the work directory with JGit. A token is
 * given to JGit as the HTTP password (user {@code x-access-token}, which GitHub, GitLab and Gitea
 * accept), so it never lands in the clone's config, a URL, a process argument or the log. The
 * clone's {@code .git} stays, so the command can run git itself. Thread-safe (immutable).
 */
public final class GitCheckout implements WorkDirPreparation {
    /** Seconds a network operation of the clone may stall. */
    static final int TIMEOUT_SECONDS = 120;
    private final GitSource source;
    private final String token;

    /**
     * @param source what to clone
     * @param token the token, or null for a public repository
     */
    public GitCheckout(GitSource source, String token) {
        this.source = source;
        this.token = token;
    }

    /** @return the sandbox directory the command starts in: {@code /work}, or {@code /work/PATH} */
    public String startDir() {
        return source.path() == null ? "/work" : "/work/" + source.path();
    }

    @Override
    public void prepare(Path workDir, OutputSink sink) throws IOException {
        note(sink, "cloning " + source.repo() + (source.ref() == null ? "" : " at " + source.ref()) + " (depth 1)");
        var clone = Git.cloneRepository().setURI(source.repo()).setDirectory(workDir.toFile()).setDepth(1)
                .setCloneAllBranches(false).setTimeout(TIMEOUT_SECONDS);
        if (source.ref() != null) {
            clone.setBranch(source.ref());
        }
        if (token != null) {
            clone.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token));
        }
        try (Git git = clone.call()) {
            Ref head = git.getRepository().exactRef(Constants.HEAD);
            String commit = head == null || head.getObjectId() == null ? "?" : head.getObjectId().abbreviate(12).name();
            if (source.ref() != null && git.getRepository().resolve(Constants.HEAD) == null) {
                throw new IOException("git clone of " + source.repo() + " found no ref '" + source.ref() + "'");
            }
            note(sink, "checked out " + commit);
        } catch (GitAPIException | RuntimeException e) {
            throw new IOException("git clone of " + source.repo() + " failed: " + rootMessage(e), e);
        }
        if (source.path() != null && !Files.isDirectory(workDir.resolve(source.path()))) {
            throw new IOException("git path '" + source.path() + "' is not a directory in " + source.repo());
        }
    }

    private static void note(OutputSink sink, String text) {
        sink.line(LogStream.SYSTEM, text, Instant.now());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
