package dev.errand.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bubblewrap version, parsed from {@code bwrap --version} ("bubblewrap 0.8.0"). Options newer
 * than the host's bubblewrap are left out of the command line rather than failing the run.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
record BwrapVersion(int major, int minor, int patch) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * @param output the output of {@code bwrap --version}
     * @return the first dotted version number in it
     * @throws IllegalArgumentException when there is none
     */
    static BwrapVersion parse(String output) {
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no version number in: " + output.strip());
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new BwrapVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    /** @return true when this version is {@code major.minor.patch} or newer */
    boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        if (this.minor != minor) {
            return this.minor > minor;
        }
        return this.patch >= patch;
    }

    /** @return true when {@code --disable-userns}, {@code --size} and tmpfs {@code --perms} exist (0.8.0) */
    boolean hasHardeningOptions() {
        return atLeast(0, 8, 0);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
