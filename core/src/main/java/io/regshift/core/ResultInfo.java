package io.regshift.core;

import com.squareup.moshi.Json;
import java.util.Objects;
import java.util.Optional;

/** The optional {@code result_info} of a Cloudflare envelope: paging counters. */
public final class ResultInfo {
    private Long count;
    private Long page;
    private String cursor;

    @Json(name = "per_page")
    private Long perPage;

    @Json(name = "total_count")
    private Long totalCount;

    private ResultInfo() {}

    /**
     * The {@code result_info} of a list answered on one page, as the deprecated device list gave
     * it: {@code {count, page: 1, per_page: count, total_count: count}}.
     */
    public static ResultInfo onePage(long count) {
        ResultInfo info = new ResultInfo();
        info.count = count;
        info.page = 1L;
        info.perPage = count;
        info.totalCount = count;
        return info;
    }

    /** The page number, in lists paged by number rather than by cursor. */
    public Optional<Long> page() {
        return Optional.ofNullable(page);
    }

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
                && Objects.equals(page, other.page)
                && Objects.equals(cursor, other.cursor)
                && Objects.equals(perPage, other.perPage)
                && Objects.equals(totalCount, other.totalCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, page, cursor, perPage, totalCount);
    }

    @Override
    public String toString() {
        return "ResultInfo{count="
                + count
                + (page == null ? "" : ", page=" + page)
                + ", cursor="
                + cursor
                + ", perPage="
                + perPage
                + ", totalCount="
                + totalCount
                + "}";
    }
}
