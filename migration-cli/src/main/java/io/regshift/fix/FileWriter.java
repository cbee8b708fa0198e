package io.regshift.fix;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
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
 */
final class FileWriter {
  private FileWriter() {}

  /** Why the file was not written, or null when it was. */
  static String replace(Path file, byte[] expected, byte[] replacement) {
    try {
      byte[] now = Files.readAllBytes(file);
      if (!Arrays.equals(now, expected)) {
        return "it changed since it was read; not written (run fix again)";
      }
      if (!Files.isWritable(file)) {
        return "it is read-only; not written";
      }
      Path directory = file.toAbsolutePath().getParent();
      Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".regshift-tmp");
      try {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
          Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
          Files.setPosixFilePermissions(temporary, permissions);
        }
        Files.write(temporary, replacement);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return null;
    } catch (NoSuchFileException e) {
      return "it was deleted since it was read; not written";
    } catch (AccessDeniedException e) {
      return "permission denied; not written";
    } catch (IOException e) {
      return "not written: " + e.getMessage();
    }
  }
}
