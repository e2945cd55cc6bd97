package org.cpd.commons.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a collection and the cursor of the next page, if any. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
