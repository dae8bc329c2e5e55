package org.trdcds.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Before anything starts: is the embedded H2 database file of {@code spring.datasource.url} locked by another process
 * (a second instance started on the same {@code ./data})? H2 holds a file lock on its {@code .mv.db} while open; a
 * lock that cannot be taken means the file is in use. Other databases are not checked.
 */
public final class DatabaseInUseCheck {

    private static final String H2_FILE = "jdbc:h2:file:";

    private DatabaseInUseCheck() {}

    /** @return the one line to print when the database is in use, else empty */
    public static Optional<String> inUse(String datasourceUrl) {
        if (datasourceUrl == null || !datasourceUrl.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String name = datasourceUrl.substring(H2_FILE.length()).split(";", 2)[0];
        Path file = Path.of(name + ".mv.db");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: in use as well
        } catch (IOException e) {
            return Optional.empty(); // unreadable for another reason: let the database itself say why
        }
        return Optional.of("database " + name + " is in use by another process (stop it, or give this instance its "
                + "own --spring.datasource.url)");
    }
}
