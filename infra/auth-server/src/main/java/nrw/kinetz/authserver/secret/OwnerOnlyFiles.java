package nrw.kinetz.authserver.secret;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in the data directory hold secrets, so no other user of the machine may read them — not even for
 * the moment between creating a file and restricting it: files are created with their permissions.
 * On a file system without POSIX permissions (Windows) files inherit the ACL of their directory.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (owner-only) unless it exists; missing parents are created normally. */
    static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, permissions(directory, DIRECTORY_PERMISSIONS));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
    }

    /**
     * Replaces the file's content atomically, so that a crash leaves the old content or the new one, never
     * a half-written file (a half-written signing key or secret would be used from then on).
     */
    static void write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
                permissions(directory, FILE_PERMISSIONS));
        try {
            Files.writeString(temporary, content, UTF_8);
            Files.move(temporary, file, ATOMIC_MOVE, REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads the file, first taking back any permission that someone granted to group or others by hand:
     * the server would otherwise go on handing out tokens whose secrets every user can read.
     */
    static String read(Path file) throws IOException {
        if (supportsPosix(file)) {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
            if (!FILE_PERMISSIONS.containsAll(current)) {
                log.warn("{} was readable or writable by others ({}); restricting it to its owner",
                        file, PosixFilePermissions.toString(current));
                Files.setPosixFilePermissions(file, FILE_PERMISSIONS);
            }
        }
        return Files.readString(file, UTF_8);
    }

    private static FileAttribute<?>[] permissions(Path location, Set<PosixFilePermission> permissions) {
        return supportsPosix(location)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
