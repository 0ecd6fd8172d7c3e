package dev.errand.sandbox;

/** Where a running sandbox's {@link ResourceUsage} comes from; closed once the sandbox has exited. */
interface UsageSource extends AutoCloseable {
    /** @return the usage so far, or the final usage once closed */
    ResourceUsage usage();

    /** Takes the final reading and releases what the source holds. Never throws. */
    @Override
    void close();

    /** A source that measures nothing. */
    UsageSource NONE = new UsageSource() {
        @Override
        public ResourceUsage usage() {
            return ResourceUsage.UNKNOWN;
        }

        @Override
        public void close() {}
    };
}
