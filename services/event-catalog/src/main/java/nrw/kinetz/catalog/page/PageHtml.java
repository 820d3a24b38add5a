package nrw.kinetz.catalog.page;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.catalog.OfferingSession;

/**
 * The frame of every page: German, one {@code main} landmark, a skip link, visible focus, readable contrast, no
 * script. Content is escaped here and nowhere else, so organisers' text can never become markup.
 */
final class PageHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMAN);

    private static final String STYLE = """
            :root{--ink:#1a1a1a;--muted:#4a4a4a;--accent:#00507a;--line:#c8c8c8;--bg:#fff;--soft:#f3f6f8;--bad:#a4000f;--good:#1d5e20}
            *{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--ink);background:var(--bg)}
            a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus{outline:3px solid #e07000;outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
            header{background:var(--accent);color:#fff;padding:1rem}header a{color:#fff}header p{margin:0}
            main{max-width:60rem;margin:0 auto;padding:1rem}
            fieldset{border:1px solid var(--line);padding:1rem;margin:0 0 1rem}legend{font-weight:600}
            label{display:block;font-weight:600;margin-top:.75rem}input,select{font:inherit;padding:.4rem;border:1px solid var(--muted);max-width:100%}
            input[type=checkbox]{width:1.2rem;height:1.2rem;vertical-align:middle}
            label.inline{display:inline;font-weight:400}
            button{font:inherit;background:var(--accent);color:#fff;border:0;padding:.6rem 1.2rem;margin-top:1rem;cursor:pointer}
            .offer{border-top:1px solid var(--line);padding:1rem 0}.offer h2{margin:.2rem 0;font-size:1.25rem}
            .meta{color:var(--muted);margin:.2rem 0}.seats{font-weight:600}
            .status{display:inline-block;padding:0 .4rem;border:1px solid var(--muted);font-size:.9rem}
            .error{border:2px solid var(--bad);padding:1rem;margin:1rem 0}.error h2{color:var(--bad);margin-top:0}
            .ok{border:2px solid var(--good);padding:1rem;margin:1rem 0}
            .hint{color:var(--muted);font-size:.95rem}
            nav.pages a{margin-right:1rem}
            """;

    private PageHtml() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – KI-Netz NRW</title><style>" + STYLE + "</style></head><body>"
                + "<a class=\"skip\" href=\"#inhalt\">Zum Inhalt springen</a>"
                + "<header><p><a href=\"/veranstaltungen\">Fortbildungen und Veranstaltungen</a> der Kommunalen "
                + "Integrationszentren NRW</p></header>"
                + "<main id=\"inhalt\" tabindex=\"-1\">" + body + "</main></body></html>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String session(OfferingSession session) {
        var start = session.start().atZoneSameInstant(NetworkTime.ZONE);
        var end = session.end().atZoneSameInstant(NetworkTime.ZONE);
        String day = DAY.format(start);
        String endDay = DAY.format(end);
        return "<time datetime=\"" + session.start() + "\">" + esc(day) + ", " + TIME.format(start) + "</time> bis <time datetime=\""
                + session.end() + "\">" + (endDay.equals(day) ? "" : esc(endDay) + ", ") + TIME.format(end) + " Uhr</time>";
    }

    static String dateTime(OffsetDateTime time) {
        var berlin = time.atZoneSameInstant(NetworkTime.ZONE);
        return esc(DAY.format(berlin)) + ", " + TIME.format(berlin) + " Uhr";
    }
}
