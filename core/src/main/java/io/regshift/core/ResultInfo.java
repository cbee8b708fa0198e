package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/** The optional {@code result_info} of a Cloudflare envelope: paging counters. */
public final class ResultInfo {
    private Long count;
    private String cursor;

    @Json(name = "per_page")
    private Long perPage;

    @Json(name = "total_count")
    private Long totalCount;

    private ResultInfo() {}

    public Optional<Long> count() {
        return Optional.ofNullable(count);
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    public Optional<Long> perPage() {
        return Optional.ofNullable(perPage);
    }

    public Optional<Long> totalCount() {
        return Optional.ofNullable(totalCount);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResultInfo)) {
            return false;
        }
        ResultInfo other = (ResultInfo) o;
        return Objects.equals(count, other.count)
                && Objects.equals(cursor, other.cursor)
                && Objects.equals(perPage, other.perPage)
                && Objects.equals(totalCount, other.totalCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, cursor, perPage, totalCount);
    }

    @Override
    public String toString() {
        return "ResultInfo{count="
                + count
                + ", cursor="
                + cursor
                + ", perPage="
                + perPage
                + ", totalCount="
                + totalCount
                + "}";
    }
}
