package org.sunlight.disclosure.internal;

import java.util.List;

/** One page of a list, numbered from 1. */
record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {

    static <T> PageOf<T> of(List<T> items, int page, int size, long total) {
        return new PageOf<>(items, page, size, total, (int) Math.max(1, (total + size - 1) / size));
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
