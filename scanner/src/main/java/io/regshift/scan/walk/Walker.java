package io.regshift.scan.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Walks a tree and hands every file worth scanning to a visitor: {@code .gitignore} files are
 * honoured with JGit's own matcher, {@code --include} and {@code --exclude} patterns use the same
 * syntax, {@code .git} is never entered, symbolic links are skipped unless followed, and loops are
 * reported rather than followed forever. Hidden files are scanned: {@code .env} and CI files are
 * where endpoints hide.
 *
 * <p>The walk is parallel, as ripgrep's is: each directory is a task on a fork-join pool, and a
 * file is handed to the visitor on the thread that listed it, so the work of reading it needs no
 * hand-over between threads. No task waits for its subdirectories (a task completes when they
 * have), so the depth of a tree never becomes the depth of a thread's stack.
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

    /**
     * Receives what the walk finds. Called from the pool's threads, several at once: implementations
     * must be thread-safe.
     */
    public interface Visitor {
        void file(SourceFile file);

        void error(String path, String message);
    }

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};

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
     * Walks {@code root}, a directory or a single file, on {@code pool}'s threads, and returns when
     * every file has been visited.
     *
     * @throws NoSuchFileException if the root does not exist
     */
    public void walk(Path root, Visitor visitor, ForkJoinPool pool) throws IOException {
        BasicFileAttributes rootAttributes = Files.readAttributes(root, BasicFileAttributes.class);
        if (!rootAttributes.isDirectory()) {
            String name = root.getFileName() == null
                    ? root.toString()
                    : root.getFileName().toString();
            if (rootAttributes.isRegularFile()) {
                visitor.file(new SourceFile(root, name, rootAttributes.size()));
            } else {
                // Opening a FIFO blocks until a writer comes; a device may never end.
                visitor.error(name, "not a regular file (a FIFO, socket or device): not scanned");
            }
            return;
        }
        Ancestor top = new Ancestor(null, options.followLinks() ? rootAttributes.fileKey() : null);
        pool.invoke(new Directory(null, root, "", null, top, visitor));
    }

    /** A {@code .gitignore}, the directory it applies to, and the scopes above it (innermost first). */
    private record Scope(String directory, IgnoreNode node, Scope outer) {}

    /** The directories above one, by file key, to tell a loop of links when following them. */
    private record Ancestor(Ancestor parent, Object key) {
        boolean contains(Object other) {
            for (Ancestor a = this; a != null; a = a.parent) {
                if (a.key != null && a.key.equals(other)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Lists one directory: hands its files to the visitor and forks a task per subdirectory, which
     * completes this one when it and its own have completed.
     */
    private final class Directory extends CountedCompleter<Void> {
        private final Path dir;
        private final String path; // relative to the root; "" for the root
        private final Scope outer;
        private final Ancestor ancestors;
        private final Visitor visitor;

        Directory(Directory parent, Path dir, String path, Scope outer, Ancestor ancestors, Visitor visitor) {
            super(parent);
            this.dir = dir;
            this.path = path;
            this.outer = outer;
            this.ancestors = ancestors;
            this.visitor = visitor;
        }

        @Override
        public void compute() {
            Scope scope = withGitignore();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    visit(entry, scope);
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                IOException cause =
                        e instanceof IOException io ? io : ((java.nio.file.DirectoryIteratorException) e).getCause();
                visitor.error(path, "unreadable directory: " + describe(cause));
            }
            tryComplete();
        }

        private Scope withGitignore() {
            if (!options.honourIgnore()) {
                return outer;
            }
            Path gitignore = dir.resolve(".gitignore");
            IgnoreNode node = new IgnoreNode();
            try (InputStream in = Files.newInputStream(gitignore)) {
                node.parse(gitignore.toString(), in);
            } catch (NoSuchFileException e) {
                return outer;
            } catch (IOException e) {
                if (Files.isDirectory(gitignore)) {
                    return outer;
                }
                visitor.error(path.isEmpty() ? ".gitignore" : path + "/.gitignore", "unreadable: " + describe(e));
                return outer;
            }
            return new Scope(path, node, outer);
        }

        private void visit(Path entry, Scope scope) {
            String name = entry.getFileName().toString();
            String child = path.isEmpty() ? name : path + '/' + name;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, NO_FOLLOW);
                if (attrs.isSymbolicLink()) {
                    if (!options.followLinks()) {
                        return;
                    }
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, FOLLOW);
                    } catch (NoSuchFileException e) {
                        visitor.error(child, "broken symbolic link: its target does not exist");
                        return;
                    }
                }
            } catch (IOException e) {
                visitor.error(child, "unreadable: " + describe(e));
                return;
            }
            if (attrs.isDirectory()) {
                if (name.equals(".git") || ignored(scope, child, true) || matches(excludes, child, true)) {
                    return;
                }
                Ancestor self = ancestors;
                if (options.followLinks()) {
                    Object key = attrs.fileKey();
                    if (ancestors.contains(key)) {
                        visitor.error(child, "symbolic link loop: not followed");
                        return;
                    }
                    self = new Ancestor(ancestors, key);
                }
                addToPendingCount(1);
                new Directory(this, entry, child, scope, self, visitor).fork();
            } else if (attrs.isRegularFile()) {
                if (ignored(scope, child, false)
                        || matches(excludes, child, false)
                        || (!options.includes().isEmpty() && !matchesSelfOrParent(includes, child))) {
                    return;
                }
                visitor.file(new SourceFile(entry, child, attrs.size()));
            }
            // devices, pipes and sockets are not scanned
        }
    }

    /** Git's rule: the deepest {@code .gitignore} with an opinion decides. */
    private static boolean ignored(Scope scope, String path, boolean directory) {
        for (Scope s = scope; s != null; s = s.outer()) {
            String within = s.directory().isEmpty()
                    ? path
                    : path.substring(s.directory().length() + 1);
            Boolean ignored = s.node().checkIgnored(within, directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
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
        if (e instanceof FileSystemException f && f.getReason() != null) {
            // Its message repeats the path, which the report already shows, however long.
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
