package dev.errand.server.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ImageView;
import dev.errand.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link ImageStore} in SQL that SQLite and PostgreSQL both accept. Thread-safe. */
public final class JdbiImageStore implements ImageStore {
    private static final TypeReference<Map<String, String>> ENV = new TypeReference<>() {};
    private static final String COLUMNS = """
            name, driver, source_kind, source, suite, packages, cpus, memory_mb, max_processes, cpu_seconds, network,
            env_json, run_as, workdir, timeout_seconds, roles, is_default, build_state, built_at, created_by, created_at""";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public boolean insert(Handle h, ImageView i) {
        return bind(h.createUpdate("INSERT INTO images (" + COLUMNS + ") VALUES (:name, :driver, :kind, :source,"
                + " :suite, :packages, :cpus, :memory, :procs, :cpuSeconds, :network, :env, :user, :workdir, :timeout,"
                + " :roles, :isDefault, :build, :builtAt, :createdBy, :createdAt) ON CONFLICT (name) DO NOTHING"), i)
                .execute() == 1;
    }

    @Override
    public boolean update(Handle h, ImageView i) {
        return bind(h.createUpdate("""
                UPDATE images SET driver = :driver, source_kind = :kind, source = :source, suite = :suite,
                    packages = :packages, cpus = :cpus, memory_mb = :memory, max_processes = :procs,
                    cpu_seconds = :cpuSeconds, network = :network, env_json = :env, run_as = :user, workdir = :workdir,
                    timeout_seconds = :timeout, roles = :roles, is_default = :isDefault, build_state = :build,
                    built_at = :builtAt, created_by = :createdBy, created_at = :createdAt
                WHERE name = :name
                """), i).execute() == 1;
    }

    private <S extends SqlStatement<S>> S bind(S s, ImageView i) {
        return s.bind("name", i.name()).bind("driver", i.driver()).bind("kind", i.source()).bind("source", i.rootfs())
                .bind("suite", i.suite()).bind("packages", i.packages() == null ? null : String.join(",", i.packages()))
                .bind("cpus", i.cpus()).bind("memory", i.memoryMb()).bind("procs", i.maxProcesses())
                .bind("cpuSeconds", i.cpuSeconds()).bind("network", i.network() ? 1 : 0).bind("env", write(i.env()))
                .bind("user", i.user()).bind("workdir", i.workdir()).bind("timeout", i.timeoutSeconds())
                .bind("roles", String.join(",", i.roles())).bind("isDefault", i.isDefault() ? 1 : 0)
                .bind("build", i.buildState()).bind("builtAt", i.builtAt() == null ? null : i.builtAt().toEpochMilli())
                .bind("createdBy", i.createdBy()).bind("createdAt", i.createdAt().toEpochMilli());
    }

    @Override
    public Optional<ImageView> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM images WHERE name = :name").bind("name", name).map((rs, c) -> read(rs)).findOne();
    }

    @Override
    public Optional<ImageView> findDefault(Handle h) {
        return h.createQuery("SELECT * FROM images WHERE is_default = 1 ORDER BY name LIMIT 1").map((rs, c) -> read(rs)).findOne();
    }

    @Override
    public List<ImageView> list(Handle h) {
        return h.createQuery("SELECT * FROM images ORDER BY name").map((rs, c) -> read(rs)).list();
    }

    @Override
    public void setDefault(Handle h, String name) {
        h.createUpdate("UPDATE images SET is_default = CASE WHEN name = :name THEN 1 ELSE 0 END").bind("name", name).execute();
    }

    @Override
    public boolean delete(Handle h, String name) {
        return h.createUpdate("DELETE FROM images WHERE name = :name").bind("name", name).execute() == 1;
    }

    private ImageView read(ResultSet rs) throws SQLException {
        String packages = rs.getString("packages");
        String roles = rs.getString("roles");
        double cpus = rs.getDouble("cpus");
        Double cpusOrNull = rs.wasNull() ? null : cpus;
        return new ImageView(rs.getString("name"), rs.getString("driver"), rs.getString("source_kind"),
                rs.getString("source"), rs.getString("suite"), packages == null || packages.isEmpty() ? null : Arrays.asList(packages.split(",")),
                cpusOrNull, Rows.nullableInt(rs, "memory_mb"), Rows.nullableInt(rs, "max_processes"),
                Rows.nullableInt(rs, "cpu_seconds"), rs.getInt("network") != 0, readEnv(rs.getString("env_json")),
                rs.getString("run_as"), rs.getString("workdir"), Rows.nullableInt(rs, "timeout_seconds"),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getInt("is_default") != 0,
                rs.getString("build_state"), Rows.instant(rs, "built_at"), rs.getString("created_by"),
                Rows.instant(rs, "created_at"));
    }

    private String write(Map<String, String> env) {
        try {
            return json.writeValueAsString(env == null ? Map.of() : env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readEnv(String text) {
        try {
            return json.readValue(text, ENV);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt env_json of an image", e);
        }
    }
}
