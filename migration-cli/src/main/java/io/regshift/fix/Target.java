package io.regshift.fix;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The file a finding's path names, and the root it was found under.
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
    Path file = root.resolve(relative);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new Unresolved("deleted since it was scanned; not fixed");
    }
    return file;
  }
}
