package nrw.kinetz.programs.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** RFC 8288 links to the neighbouring pages of a list, built from the request so that its filters are kept. */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;

    private Paging() {
    }

    /** {@code Link} (first, prev, next, last) and {@code X-Total-Count}; {@code page} counts from 1. */
    public static HttpHeaders headers(int page, int size, long total) {
        long last = Math.max(1, (total + size - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(1, size, "first"));
        if (page > 1) {
            links.add(link((int) Math.min(page - 1, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(page + 1, size, "next"));
        }
        links.add(link((int) last, size, "last"));
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.LINK, String.join(", ", links));
        headers.add("X-Total-Count", Long.toString(total));
        return headers;
    }

    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page).replaceQueryParam("size", size).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
