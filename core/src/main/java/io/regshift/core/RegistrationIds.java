package io.regshift.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A non-empty list of distinct, valid registration IDs, in the order first given.
 *
 * <p>This is the payload of both endpoints: the JSON array body of the deprecated ones and the
 * repeated {@code id} query parameter of their replacements. Duplicates are dropped, since an ID
 * revoked once is revoked. An ID that is empty, blank, contains a control character, a path
 * separator or an unpaired UTF-16 surrogate, contains {@code ..} or is {@code .}, is refused with a
 * message naming its position.
 */
public final class RegistrationIds extends AbstractList<String> implements RandomAccess {
    private static final int FEW = 16;

    private final List<String> ids;

    private RegistrationIds(List<String> ids) {
        this.ids = ids;
    }

    /**
     * The distinct IDs of {@code ids}, in order.
     *
     * @throws IllegalArgumentException if the collection is empty or an ID is not valid
     */
    public static RegistrationIds of(Collection<String> ids) {
        requireSome(ids);
        int index = 0;
        for (String id : ids) {
            String problem = Identifiers.problem(id);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "registration ID [" + index + "] " + Identifiers.quote(id) + " " + problem);
            }
            index++;
        }
        return new RegistrationIds(distinct(ids));
    }

    private static void requireSome(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no registration IDs given; at least one is required");
        }
    }

    /** The first occurrence of each ID, in order. */
    private static List<String> distinct(Collection<String> ids) {
        // A few IDs (the usual request) are told apart by comparing them; more, through a hash set.
        List<String> distinct = new ArrayList<>(ids.size());
        Set<String> seen = ids.size() > FEW ? new HashSet<>(ids.size() * 2) : null;
        for (String id : ids) {
            if (seen != null ? seen.add(id) : !distinct.contains(id)) {
                distinct.add(id);
            }
        }
        return Collections.unmodifiableList(distinct);
    }

    /** The distinct IDs given, in order. */
    public static RegistrationIds of(String... ids) {
        return of(java.util.Arrays.asList(ids));
    }

    @Override
    public String get(int index) {
        return ids.get(index);
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public Object[] toArray() {
        return ids.toArray(); // one copy of the array, not AbstractList's element by element
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return ids.toArray(a);
    }

    /**
     * The IDs from {@code fromIndex} (inclusive) to {@code toIndex} (exclusive), as {@link List}'s
     * contract has it: an unmodifiable view, empty for an empty range.
     */
    @Override
    public List<String> subList(int fromIndex, int toIndex) {
        return ids.subList(fromIndex, toIndex);
    }

    /**
     * The IDs from {@code fromIndex} (inclusive) to {@code toIndex} (exclusive), a non-empty range,
     * as the IDs of one call of a split; these IDs themselves for the whole range, the usual single
     * call.
     */
    RegistrationIds range(int fromIndex, int toIndex) {
        if (fromIndex >= toIndex) {
            throw new IllegalArgumentException(
                    "an empty range [" + fromIndex + ", " + toIndex + ") holds no registration IDs");
        }
        if (fromIndex == 0 && toIndex == size()) {
            return this;
        }
        return new RegistrationIds(ids.subList(fromIndex, toIndex));
    }
}
