package org.pumpauth.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A job's output directory, written whole or not at all: the job writes into a hidden folder beside
 * it and {@link #commit()} renames that into place; a job that fails leaves nothing at the output's
 * path (and, with {@code --overwrite}, the old output as it was).
 */
final class OutputDir implements AutoCloseable {
    private final Path target;
    private final Path work;
    private final boolean overwrite;
    private boolean committed;

    private OutputDir(Path target, Path work, boolean overwrite) {
        this.target = target;
        this.work = work;
        this.overwrite = overwrite;
    }

    /** Refuses an output that exists unless {@code overwrite}; makes the folder the job writes into. */
    static OutputDir prepare(String option, Path out, boolean overwrite) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !overwrite) {
            throw new BatchException(option + ": " + out + " exists; name a new directory, or add --overwrite to replace it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BatchException(option + ": " + out + " is a file; name a directory");
        }
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BatchException(option + ": cannot make " + parent + " (" + e.getClass().getSimpleName() + ")");
        }
        Path work = parent.resolve("." + target.getFileName() + ".incomplete-" + UUID.randomUUID());
        try {
            Files.createDirectory(work);
        } catch (IOException e) {
            throw new BatchException(option + ": cannot write in " + parent + " (" + e.getClass().getSimpleName() + ")");
        }
        return new OutputDir(target, work, overwrite);
    }

    /** Where the job writes; the output's path once committed. */
    Path work() {
        return work;
    }

    Path target() {
        return target;
    }

    /** Puts the finished output in place of the old one, if any. */
    void commit() {
        try {
            if (overwrite && Files.exists(target)) {
                Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                move(work, target);
                delete(old);
            } else {
                move(work, target);
            }
            committed = true;
        } catch (FileAlreadyExistsException e) {
            throw new BatchException("--out: " + target + " appeared while the job ran; the output is left in " + work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes the unfinished output when the job did not commit. */
    @Override
    public void close() {
        if (!committed) {
            delete(work);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
