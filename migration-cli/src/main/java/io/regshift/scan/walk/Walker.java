package io.regshift.scan.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Walks a tree and hands every file worth scanning to a visitor: {@code .gitignore} files are
 * honoured with JGit's own matcher, {@code --include} and {@code --exclude} patterns use the same
 * syntax, {@code .git} is never entered, symbolic links are skipped unless followed, and loops are
 * reported rather than followed forever. Hidden files are scanned: {@code .env} and CI files are
 * where endpoints hide.
 */
public final class Walker {
  /**
   * @param honourIgnore read {@code .gitignore} files
   * @param includes gitignore-style patterns; when any is given, only matching files are scanned
   * @param excludes gitignore-style patterns of files and directories not to scan
   * @param followLinks follow symbolic links (loops are detected)
   */
  public record Options(boolean honourIgnore, List<String> includes, List<String> excludes, boolean followLinks) {
    public Options {
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
    }
  }

  /** A regular file to scan; {@code path} is relative to the walk's root, {@code /}-separated. */
  public record SourceFile(Path file, String path, long size) {}

  /** Receives what the walk finds, on the walking thread. */
  public interface Visitor {
    void file(SourceFile file);

    void error(String path, String message);
  }

  private final Options options;
  private final IgnoreNode includes;
  private final IgnoreNode excludes;

  public Walker(Options options) {
    this.options = Objects.requireNonNull(options);
    this.includes = rules(options.includes());
    this.excludes = rules(options.excludes());
  }

  private static IgnoreNode rules(List<String> patterns) {
    return new IgnoreNode(patterns.stream().map(FastIgnoreRule::new).toList());
  }

  /**
   * Walks {@code root}, a directory or a single file.
   *
   * @throws NoSuchFileException if the root does not exist
   */
  public void walk(Path root, Visitor visitor) throws IOException {
    BasicFileAttributes rootAttributes = Files.readAttributes(root, BasicFileAttributes.class);
    if (!rootAttributes.isDirectory()) {
      String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
      visitor.file(new SourceFile(root, name, rootAttributes.size()));
      return;
    }
    Set<FileVisitOption> visitOptions =
        options.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    Files.walkFileTree(root, visitOptions, Integer.MAX_VALUE, new Visit(root, visitor));
  }

  /** A {@code .gitignore} and the directory it applies to. */
  private record Scope(String directory, IgnoreNode node) {}

  private final class Visit extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Visitor visitor;
    private final Deque<Scope> scopes = new ArrayDeque<>();

    Visit(Path root, Visitor visitor) {
      this.root = root;
      this.visitor = visitor;
    }

    private String relative(Path p) {
      return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
      String path = relative(dir);
      if (!path.isEmpty()) {
        if (dir.getFileName().toString().equals(".git") || ignored(path, true) || matches(excludes, path, true)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
      }
      Path gitignore = dir.resolve(".gitignore");
      IgnoreNode node = null;
      if (options.honourIgnore() && Files.isRegularFile(gitignore)) {
        node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(gitignore)) {
          node.parse(gitignore.toString(), in);
        } catch (IOException e) {
          visitor.error(path.isEmpty() ? ".gitignore" : path + "/.gitignore", "unreadable: " + describe(e));
          node = null;
        }
      }
      scopes.push(new Scope(path, node));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
      scopes.pop();
      if (e != null) {
        visitor.error(relative(dir), "unreadable directory: " + describe(e));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (!attrs.isRegularFile()) {
        if (attrs.isSymbolicLink() && options.followLinks()) {
          visitor.error(relative(file), "broken symbolic link: its target does not exist");
        }
        return FileVisitResult.CONTINUE; // links not followed, devices, pipes, sockets
      }
      String path = relative(file);
      if (ignored(path, false)
          || matches(excludes, path, false)
          || (!options.includes().isEmpty() && !matchesSelfOrParent(includes, path))) {
        return FileVisitResult.CONTINUE;
      }
      visitor.file(new SourceFile(file, path, attrs.size()));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      String message =
          e instanceof FileSystemLoopException
              ? "symbolic link loop: not followed"
              : "unreadable: " + describe(e);
      visitor.error(relative(file), message);
      return FileVisitResult.CONTINUE;
    }

    /** Git's rule: the deepest {@code .gitignore} with an opinion decides. */
    private boolean ignored(String path, boolean directory) {
      for (Scope scope : scopes) {
        if (scope.node() == null) {
          continue;
        }
        String within = scope.directory().isEmpty() ? path : path.substring(scope.directory().length() + 1);
        Boolean ignored = scope.node().checkIgnored(within, directory);
        if (ignored != null) {
          return ignored;
        }
      }
      return false;
    }
  }

  private static boolean matches(IgnoreNode node, String path, boolean directory) {
    return Boolean.TRUE.equals(node.checkIgnored(path, directory));
  }

  /** Whether the file, or a directory it is in, matches: {@code --include src/} means all of src. */
  private static boolean matchesSelfOrParent(IgnoreNode node, String path) {
    if (matches(node, path, false)) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (matches(node, path.substring(0, slash), true)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
