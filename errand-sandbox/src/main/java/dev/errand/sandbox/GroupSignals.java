package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Signals for a program run directly on the host under {@code setsid}: its pid is its process
 * group id, and the whole group is signalled at once with {@code kill -s SIG -- -PGID} (atomic
 * against a program that keeps forking). The group is signalled only while {@code /proc} shows a
 * member, because a pgid with no members can be reused. Processes that leave the group
 * ({@code setsid}, daemons) escape; that is one of the reasons this is the insecure fallback.
 */
final class GroupSignals implements ProcessSignals {
    private final long pgid;
    private final Path killCommand;

    /**
     * @param pgid the process group id (the setsid'd program's pid)
     * @param killCommand a {@code kill} executable that accepts {@code -s SIG -- -PGID}
     */
    GroupSignals(long pgid, Path killCommand) {
        this.pgid = pgid;
        this.killCommand = killCommand;
    }

    @Override
    public void terminate() {
        signal("TERM");
    }

    @Override
    public void kill() {
        signal("KILL");
    }

    private void signal(String name) {
        if (!hasMembers()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder(killCommand.toString(), "-s", name, "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + killCommand + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return true when some process's {@code /proc/PID/stat} names this group */
    boolean hasMembers() {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (pgidOf(proc) == pgid) {
                    return true;
                }
            }
        } catch (IOException e) {
            return true; // cannot tell: rather signal than leave the program running
        }
        return false;
    }

    /** @return field 5 of /proc/PID/stat, or -1 when the process is gone */
    private static long pgidOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
            return Long.parseLong(rest[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
