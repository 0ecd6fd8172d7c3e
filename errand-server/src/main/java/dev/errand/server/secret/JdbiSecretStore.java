package dev.errand.server.secret;

import dev.errand.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link SecretStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiSecretStore implements SecretStore {

    @Override
    public boolean insert(Handle h, Secret s) {
        return h.createUpdate("""
                INSERT INTO secrets (name, env_name, description, roles, ciphertext, created_by, created_at,
                    updated_by, updated_at)
                VALUES (:name, :env, :description, :roles, :ct, :createdBy, :createdAt, :updatedBy, :updatedAt)
                ON CONFLICT (name) DO NOTHING
                """).bind("name", s.name()).bind("description", s.description())
                .bind("createdBy", s.createdBy()).bind("updatedBy", s.updatedBy()).bind("env", s.envName()).bind("roles", String.join(",", s.roles()))
                .bind("ct", s.ciphertext()).bind("createdAt", s.createdAt().toEpochMilli())
                .bind("updatedAt", s.updatedAt().toEpochMilli()).execute() == 1;
    }

    @Override
    public Optional<Secret> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM secrets WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Secret> list(Handle h) {
        return h.createQuery("SELECT * FROM secrets ORDER BY name").map((rs, ctx) -> read(rs)).list();
    }

    @Override
    public boolean update(Handle h, Secret s) {
        return h.createUpdate("""
                UPDATE secrets SET env_name = :env, description = :description, roles = :roles, ciphertext = :ct,
                    updated_by = :updatedBy, updated_at = :updatedAt WHERE name = :name
                """).bind("name", s.name()).bind("description", s.description()).bind("updatedBy", s.updatedBy())
                .bind("env", s.envName()).bind("roles", String.join(",", s.roles())).bind("ct", s.ciphertext())
                .bind("updatedAt", s.updatedAt().toEpochMilli()).execute() == 1;
    }

    @Override
    public boolean delete(Handle h, String name) {
        return h.createUpdate("DELETE FROM secrets WHERE name = :name").bind("name", name).execute() == 1;
    }

    private static Secret read(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        return new Secret(rs.getString("name"), rs.getString("env_name"), rs.getString("description"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString("ciphertext"),
                rs.getString("created_by"), Rows.instant(rs, "created_at"), rs.getString("updated_by"),
                Rows.instant(rs, "updated_at"));
    }
}
