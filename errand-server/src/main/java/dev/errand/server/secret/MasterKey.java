package dev.errand.server.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;

/**
 * The AEAD that encrypts every secret value: a Tink AES-256-GCM keyset kept as Tink JSON in a
 * file readable only by the server's user (mode 0600). Each ciphertext is bound to its secret's
 * name (associated data), so a value copied onto another row does not decrypt. Thread-safe.
 */
public final class MasterKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Aead aead;

    private MasterKey(Aead aead) {
        this.aead = aead;
    }

    /**
     * Loads the keyset in {@code file}, or creates it (mode 0600) when it does not exist.
     *
     * @param file the keyset file
     * @return the key
     * @throws ErrandException {@code unavailable} when the file cannot be read or is not a keyset,
     *     or is readable by other users
     */
    public static MasterKey loadOrCreate(Path file) {
        try {
            AeadConfig.register();
            if (!Files.exists(file)) {
                KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()));
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new ErrandException(ErrorCode.UNAVAILABLE, "master key file " + file + " is readable by other"
                        + " users (" + PosixFilePermissions.toString(perms) + "): run 'chmod 600 " + file + "'");
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            return new MasterKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException | GeneralSecurityException e) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "cannot use master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return base64 of the ciphertext of {@code value}, bound to {@code name} */
    String encrypt(String name, String value) {
        try {
            byte[] ct = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * @return the plaintext
     * @throws ErrandException {@code internal} when the ciphertext was made under another key or for another name
     */
    String decrypt(String name, String ciphertext) {
        try {
            byte[] pt = aead.decrypt(Base64.getDecoder().decode(ciphertext), name.getBytes(StandardCharsets.UTF_8));
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ErrandException(ErrorCode.INTERNAL, "secret '" + name + "' cannot be decrypted with this"
                    + " server's master key (was the key file replaced?)");
        }
    }
}
