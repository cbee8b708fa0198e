package io.regshift.fix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a finding's path names, and the root it was found under. A finding's path is text, and
 * a file name that is not valid in the platform's file name encoding ({@code sun.jnu.encoding}:
 * bytes that are not UTF-8, on Linux) reads with U+FFFD in it: the same text names another file,
 * or none. Such a name is matched against the names its directory lists, as the scan saw them, so
 * the file found is the one the scan read.
 */
record Target(Path root, Path file) {
  /** What could not be resolved, and why; the message is for people. */
  static final class Unresolved extends Exception {
    Unresolved(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The file of {@code path}: relative to the root when there is one root, starting with the
   * root's own path when there are several (as the scanner names them), or a root's file name.
   */
  static Target resolve(List<Path> roots, String path) throws Unresolved {
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        Path name = root.getFileName();
        if ((name == null ? root.toString() : name.toString()).equals(path)) {
          return new Target(root, root);
        }
        continue;
      }
      String prefix = roots.size() == 1 ? "" : root.toString().replace('\\', '/') + "/";
      if (path.startsWith(prefix)) {
        return new Target(root, within(root, path.substring(prefix.length())));
      }
    }
    throw new Unresolved("not under any of the paths given; not fixed");
  }

  private static Path within(Path root, String relative) throws Unresolved {
    Path at = root;
    for (String segment : relative.split("/")) {
      at = child(at, segment);
    }
    return at;
  }

  private static Path child(Path directory, String name) throws Unresolved {
    if (name.indexOf('\uFFFD') < 0) {
      try {
        Path direct = directory.resolve(name);
        if (Files.exists(direct, LinkOption.NOFOLLOW_LINKS) && direct.getFileName().toString().equals(name)) {
          return direct;
        }
      } catch (InvalidPathException e) {
        // not expressible in the file name encoding: only the directory's own listing has it
      }
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().equals(name)) {
          matches.add(entry);
        }
      }
    } catch (NoSuchFileException e) {
      throw new Unresolved("deleted since it was scanned; not fixed");
    } catch (IOException e) {
      throw new Unresolved("its directory can't be listed (" + e.getMessage() + "); not fixed");
    }
    if (matches.isEmpty()) {
      throw new Unresolved("deleted since it was scanned; not fixed");
    }
    if (matches.size() > 1) {
      throw new Unresolved(
          matches.size()
              + " files in its directory have names that read as this one (names that are not valid in the file name"
              + " encoding, " + System.getProperty("sun.jnu.encoding") + "), so which one the finding is in is unknown; not fixed");
    }
    return matches.get(0);
  }
}
