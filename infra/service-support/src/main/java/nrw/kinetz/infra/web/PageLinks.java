package nrw.kinetz.infra.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The headers of one page of a list: RFC 8288 {@code Link} (first, prev, next, last), built from the current
 * request so that its filters are kept, and {@code X-Total-Count}. Every paged list of every service uses it.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** @param page counts from 1 */
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
