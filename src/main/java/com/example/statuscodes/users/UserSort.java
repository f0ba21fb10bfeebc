package com.example.statuscodes.users;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sort orders {@code GET /api/users} accepts: each {@code sort} value is one of {@link #VALUES}
 * ({@code sort=email,desc&sort=id}); anything else is a 400 naming {@code sort}, never an unknown property failing
 * deep inside JPA as a 500 or a sort on a column the API does not expose.
 * <p>
 * Why not Spring Data's own {@code Sort} argument: it URL-decodes each value a second time, after the container
 * already decoded the query, so {@code sort=%25} (a value holding {@code %}) failed inside it as a 500, and
 * {@code %2C} was a comma to it. The values here are read once, as the container decoded them.
 */
final class UserSort {

    static final List<String> PROPERTIES = List.of("id", "email", "name", "age", "createdAt");
    /** Every value one {@code sort} parameter may take: a property, alone (ascending) or with a direction. */
    static final List<String> VALUES = PROPERTIES.stream()
            .flatMap(property -> Stream.of(property, property + ",asc", property + ",desc")).toList();
    static final String MESSAGE = "Must be one of " + String.join(", ", PROPERTIES) + ", optionally followed by ,asc or ,desc";
    private static final Sort DEFAULT = Sort.by("id");

    private UserSort() {
    }

    static Sort parse(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT;
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String value : values) {
            if (!VALUES.contains(value)) {
                throw new InvalidSortException(MESSAGE);
            }
            String[] propertyAndDirection = value.split(",");
            orders.add(value.endsWith(",desc") ? Sort.Order.desc(propertyAndDirection[0])
                    : Sort.Order.asc(propertyAndDirection[0]));
        }
        return Sort.by(orders);
    }
}
