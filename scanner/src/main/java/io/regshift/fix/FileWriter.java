package io.regshift.fix;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces a file's bytes atomically: the new bytes go to a temporary file beside it, with the
 * same permissions, which is then renamed over it. A file that changed since it was read is not
 * written: the edits were planned against bytes it no longer has.
 *
 * <p>Only files inside the tree fix was given are written: never a symbolic link (the rename would
 * put a regular file in its place), and never a file whose real path is outside the root's real
 * path (a linked directory followed with {@code --follow} leads there). Both are checked when the
 * plan is made and again just before the write, which then goes to the file's real path.
 */
final class FileWriter {
    private FileWriter() {}

    /**
     * Why fix must not write {@code file}, found under {@code root}, or null when it may.
     *
     * @throws IOException if the file or the root can't be resolved
     */
    static String refusal(Path root, Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return "it is a symbolic link, which fix never replaces; not fixed (fix the file it points to, "
                    + file.toRealPath() + ")";
        }
        Path realRoot = root.toRealPath();
        Path real = file.toRealPath();
        if (!real.startsWith(realRoot)) {
            return "its real path " + real + " is outside " + realRoot + " (it is reached through a symbolic link),"
                    + " and fix never writes outside the tree it was given; not fixed";
        }
        return null;
    }

    /** Why the file was not written, or null when it was. */
    static String replace(Path root, Path file, byte[] expected, byte[] replacement) {
        try {
            String refusal = refusal(root, file);
            if (refusal != null) {
                return refusal;
            }
            Path real = file.toRealPath();
            byte[] now = Files.readAllBytes(real);
            if (!Arrays.equals(now, expected)) {
                return "it changed since it was read; not written (run fix again)";
            }
            if (!Files.isWritable(real)) {
                return "it is read-only; not written";
            }
            Path directory = real.getParent();
            Path temporary = Files.createTempFile(directory, "." + temporaryPrefix(real) + ".", ".regshift-tmp");
            try {
                PosixFileAttributeView posix = Files.getFileAttributeView(real, PosixFileAttributeView.class);
                if (posix != null) {
                    Set<PosixFilePermission> permissions =
                            posix.readAttributes().permissions();
                    Files.setPosixFilePermissions(temporary, permissions);
                }
                Files.write(temporary, replacement);
                Files.move(temporary, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return null;
        } catch (NoSuchFileException e) {
            return "it was deleted since it was read; not written";
        } catch (AccessDeniedException e) {
            return "permission denied; not written";
        } catch (IOException | InvalidPathException e) {
            return "not written: " + e.getMessage();
        }
    }

    /**
     * The file's name as the start of its temporary file's, reduced to printable ASCII: a name that
     * is not valid in the file name encoding reads with U+FFFD, which that encoding may not express.
     */
    private static String temporaryPrefix(Path file) {
        return file.getFileName()
                .toString()
                .codePoints()
                .filter(c -> c > ' ' && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
