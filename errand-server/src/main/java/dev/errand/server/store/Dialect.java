package dev.errand.server.store;

/** The SQL databases Errand stores its state in. */
public enum Dialect {
    /** Embedded, one file in the data directory; writes are serialized by the server. */
    SQLITE("sqlite"),
    /** PostgreSQL 13 or newer, for production and several replicas. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the name of the migration folder holding this dialect's own SQL */
    public String folder() {
        return folder;
    }
}
