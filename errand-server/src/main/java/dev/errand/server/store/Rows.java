package dev.errand.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads nullable columns the same way on every JDBC driver (sqlite-jdbc rejects {@code getObject(col, Long.class)} on NULL). */
public final class Rows {
    private Rows() {}

    /** @return the column as a Long, or null when SQL NULL */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** @return the column as an Integer, or null when SQL NULL */
    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** @return the epoch-millisecond column as an Instant, or null when SQL NULL */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Long ms = nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
