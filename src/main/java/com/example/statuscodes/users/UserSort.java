package com.example.statuscodes.users;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

import java.util.List;

/**
 * The sort orders {@code GET /api/users} accepts. Spring Data parses {@code sort=email,desc&sort=id} into a
 * {@link Sort}; this class refuses properties outside the list with a 400, instead of letting an unknown
 * property fail deep inside JPA as a 500 or sorting on a column the API does not expose.
 */
final class UserSort {

    static final List<String> PROPERTIES = List.of("id", "email", "name", "age", "createdAt");
    private static final Sort DEFAULT = Sort.by("id");

    private UserSort() {
    }

    static Sort checked(@Nullable Sort requested) {
        if (requested == null || requested.isUnsorted()) {
            return DEFAULT;
        }
        for (Sort.Order order : requested) {
            if (!PROPERTIES.contains(order.getProperty())) {
                throw new InvalidSortException("Must be one of " + String.join(", ", PROPERTIES)
                        + ", optionally followed by ,asc or ,desc");
            }
        }
        return requested;
    }
}
