package io.regshift.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every item of a cursor-paginated list, fetched a page at a time as the iteration reaches it:
 * memory holds one page, however long the list. Made by {@link RegistrationsClient}'s list methods.
 *
 * <p>A page that fails (after retries) throws {@link CloudflareApiException} from {@link #hasNext()}
 * or {@link #next()}: the list ends in an error, never silently short. So does a server that sends
 * a cursor it sent before, which would otherwise loop forever. Not thread-safe.
 *
 * @param <T> the item type, e.g. {@link Registration}
 */
public final class Listing<T> implements Iterator<T> {
    /** One page: its items and the cursor of the next, empty on the last page. */
    static final class Page<T> {
        final List<T> items;
        final String nextCursor;
        final Long totalCount;

        Page(List<T> items, String nextCursor, Long totalCount) {
            this.items = List.copyOf(items);
            this.nextCursor = nextCursor;
            this.totalCount = totalCount;
        }
    }

    /** Fetches the page at a cursor (null for the first); {@code page} counts from 1, for messages. */
    interface Fetcher<T> {
        Page<T> fetch(String cursor, int page);
    }

    private final String request;
    private final Fetcher<T> fetcher;
    private final Deque<T> buffered = new ArrayDeque<>();
    private final Set<String> cursorsSeen = new HashSet<>();
    private String cursor;
    private boolean last;
    private int pages;
    private long itemsRead;
    private Long totalCount;

    /** {@code request} names the list for messages: method and path, no query. */
    Listing(String request, Fetcher<T> fetcher) {
        this.request = Objects.requireNonNull(request);
        this.fetcher = Objects.requireNonNull(fetcher);
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && !last) {
            Page<T> page = fetcher.fetch(cursor, pages + 1);
            pages++;
            buffered.addAll(page.items);
            itemsRead += page.items.size();
            if (page.totalCount != null) {
                totalCount = page.totalCount;
            }
            if (page.nextCursor == null || page.nextCursor.isEmpty()) {
                last = true;
            } else if (!cursorsSeen.add(page.nextCursor)) {
                last = true;
                throw new CloudflareApiException(
                        request + " (page " + pages + ")",
                        200,
                        List.of(),
                        "the server sent a cursor it had sent before; the list would never end",
                        1);
            } else {
                cursor = page.nextCursor;
            }
        }
        return !buffered.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the list has no more items");
        }
        return buffered.removeFirst();
    }

    /** Pages fetched so far. */
    public int pagesRead() {
        return pages;
    }

    /** Items fetched so far (some may not have been returned by {@link #next()} yet). */
    public long itemsRead() {
        return itemsRead;
    }

    /** The list's length as the last page's {@code result_info.total_count} said, if it did. */
    public Optional<Long> totalCount() {
        return Optional.ofNullable(totalCount);
    }
}
