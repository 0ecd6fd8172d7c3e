package dev.errand.protocol;

/** The Errand version, read from the jar manifest ({@code Implementation-Version}). */
public final class Version {
    private Version() {}

    /** @return the version such as {@code 0.1.0-SNAPSHOT}, or {@code dev} when run from classes */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
