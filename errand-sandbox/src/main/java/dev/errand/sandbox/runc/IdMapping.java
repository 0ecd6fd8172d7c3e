package dev.errand.sandbox.runc;

/**
 * How user and group ids inside containers map to ids on the host: container id {@code n}
 * (0 ≤ n &lt; {@code size}) is host id {@code hostBase + n}, for users and groups alike. So root in
 * a container is an unprivileged, otherwise unused uid on the host. Image root filesystems must
 * be unpacked with the same mapping ({@link #umociArgument()}). Immutable.
 *
 * @param hostBase the host id of container id 0; {@code hostBase + size} must stay below 2^32 - 1
 * @param size how many ids are mapped, at least 1
 */
public record IdMapping(long hostBase, int size) {
    /** Container ids 0..65535 as host ids 1879048192 (0x70000000) and up: far above any real account. */
    public static final IdMapping DEFAULT = new IdMapping(0x7000_0000L, 65_536);

    /** Validates the range. */
    public IdMapping {
        if (hostBase < 1 || size < 1 || hostBase + size >= 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("invalid id mapping " + hostBase + "+" + size);
        }
    }

    /** @return {@code 0:hostBase:size}, the form of umoci's {@code --uid-map} and {@code --gid-map} */
    public String umociArgument() {
        return "0:" + hostBase + ":" + size;
    }

    /**
     * @param containerId a uid or gid inside the container
     * @return the host id it maps to
     * @throws IllegalArgumentException when the id is outside the mapping
     */
    public long toHost(long containerId) {
        if (containerId < 0 || containerId >= size) {
            throw new IllegalArgumentException("id " + containerId + " is outside the container's 0.." + (size - 1));
        }
        return hostBase + containerId;
    }
}
