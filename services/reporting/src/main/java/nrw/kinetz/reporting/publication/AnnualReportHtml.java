package nrw.kinetz.reporting.publication;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.publication.AnnualReport.Cell;
import nrw.kinetz.reporting.publication.AnnualReport.Chart;
import nrw.kinetz.reporting.publication.AnnualReport.Derived;
import nrw.kinetz.reporting.publication.AnnualReport.Figure;
import nrw.kinetz.reporting.publication.AnnualReport.Section;
import nrw.kinetz.reporting.publication.AnnualReport.Table;
import nrw.kinetz.reporting.publication.AnnualReport.Text;

/**
 * The annual report as one German XHTML page: well-formed XML, because the PDF is rendered from the same text and
 * because a reader (or a test) can parse it. Every figure's cell carries its source ({@code data-source}, the
 * number of the request in the appendix), row key, metric and value as the API wrote it, so that each can be asked
 * for again.
 */
public final class AnnualReportHtml {

    public static final String FONT_FAMILY = "Liberation Sans";
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'")
            .withZone(ZoneId.of("Europe/Berlin"));
    private static final int CHART_WIDTH = 640;
    private static final int LABEL_WIDTH = 230;
    private static final int BAR_HEIGHT = 20;

    private AnnualReportHtml() {
    }

    public static String title(AnnualReport report) {
        return "KI-Netz NRW – Jahresbericht " + report.year() + " (" + edition(report) + ")";
    }

    public static String render(AnnualReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\" xml:lang=\"de\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(escape(title(report))).append("</title>\n")
                .append("<meta name=\"author\" content=\"Landesweite Koordinierungsstelle Kommunale Integrationszentren (LaKI)\"/>\n")
                .append("<meta name=\"subject\" content=\"Das Netzwerk der Kommunalen Integrationszentren in Nordrhein-Westfalen im Jahr ")
                .append(report.year()).append("\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>Jahresbericht ")
                .append(report.year()).append(" des KI-Netzes NRW</h1>\n<p class=\"edition\">").append(escape(edition(report)))
                .append("</p>\n<p>Die 54 Kommunalen Integrationszentren (KI) in Nordrhein-Westfalen und die Landesweite Koordinierungsstelle (LaKI). ")
                .append("Stand der Daten: Feed-Cursor <code id=\"cursor\" data-cursor=\"").append(escape(report.cursor())).append("\">")
                .append(escape(report.cursor())).append("</code>, erstellt am ").append(MADE_AT.format(report.madeAt())).append(".</p>\n")
                .append("<p>").append(report.internal()
                        ? "Interne Ausgabe mit exakten Zahlen: nur für den Dienstgebrauch der LaKI."
                        : "Öffentliche Ausgabe: Zahlen von 1 bis 4 Personen sind wie in der öffentlichen Schnittstelle aus Datenschutzgründen nicht veröffentlicht.")
                .append(" Zeichenerklärung: <strong>.</strong> = Zahlenwert geheim zu halten, <strong>–</strong> = nichts vorhanden. ")
                .append("Jede Zahl lässt sich mit der im Anhang genannten Abfrage nachprüfen.</p>\n</header>\n<main>\n");
        int tableNumber = 0;
        int chartNumber = 0;
        for (Section section : report.sections()) {
            html.append("<section>\n<h2>").append(escape(section.title())).append("</h2>\n<p>").append(escape(section.intro()))
                    .append("</p>\n");
            for (Object block : section.blocks()) {
                if (block instanceof Table table) {
                    table(html, table, ++tableNumber, report);
                } else if (block instanceof Chart chart) {
                    chart(html, chart, ++chartNumber);
                }
            }
            html.append("</section>\n");
        }
        html.append("<section id=\"nachweis\">\n<h2>Anhang: Nachweis der Zahlen</h2>\n<p>Jede Zahl dieses Berichts ist die Antwort der ")
                .append("Schnittstelle von KI-Netz NRW auf eine der folgenden Abfragen (")
                .append(report.internal() ? "mit einem Token der Rolle laki" : "ohne Anmeldung")
                .append("), gestellt beim Feed-Cursor ").append(escape(report.cursor()))
                .append(". Was sich seitdem geändert hat, nennt <code>GET /api/v1/feed?after=").append(escape(report.cursor()))
                .append("</code>.</p>\n<ol>\n");
        for (int i = 0; i < report.sources().size(); i++) {
            String path = report.sources().get(i).path();
            html.append("<li id=\"q").append(i).append("\" data-request=\"").append(escape(path)).append("\"><code>")
                    .append(escape(path)).append("</code></li>\n");
        }
        return html.append("</ol>\n</section>\n</main>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, Table table, int number, AnnualReport report) {
        html.append("<table>\n<caption>Tabelle ").append(number).append(": ").append(escape(table.caption())).append("</caption>\n<thead><tr>");
        for (String heading : table.headings()) {
            html.append("<th scope=\"col\">").append(escape(heading)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            boolean total = row.stream().anyMatch(cell -> cell instanceof Figure figure && figure.key().isEmpty());
            html.append(total ? "<tr class=\"total\">" : "<tr>");
            for (Cell cell : row) {
                if (cell instanceof Text text) {
                    html.append("<th scope=\"row\">").append(escape(text.text())).append("</th>");
                } else if (cell instanceof Figure figure) {
                    html.append("<td data-source=\"").append(figure.source()).append("\" data-key=\"").append(escape(figure.key()))
                            .append("\" data-metric=\"").append(escape(figure.metric())).append("\" data-value=\"")
                            .append(Formats.raw(figure.value())).append("\">").append(Formats.figure(figure.value())).append("</td>");
                } else if (cell instanceof Derived derived) {
                    html.append("<td class=\"derived\">").append(escape(derived.text())).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** A bar chart as SVG; its table follows it, so it needs no numbers read off the bars. */
    private static void chart(StringBuilder html, Chart chart, int number) {
        long max = Math.max(1, chart.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = chart.values().size() * (BAR_HEIGHT + 6) + 6;
        String id = "abb" + number;
        // alt: the PDF's tagging takes a figure's alternative text from it; browsers use aria-labelledby.
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" alt=\"").append(escape(chart.title()))
                .append("\" aria-labelledby=\"").append(id)
                .append("\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(CHART_WIDTH).append(' ').append(height).append("\">\n");
        int barArea = CHART_WIDTH - LABEL_WIDTH - 70;
        for (int i = 0; i < chart.values().size(); i++) {
            int y = 6 + i * (BAR_HEIGHT + 6);
            long value = chart.values().get(i);
            long width = Math.round((double) value / max * barArea);
            html.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-family=\"").append(FONT_FAMILY).append("\" font-size=\"12\">")
                    .append(escape(chart.labels().get(i))).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"#1f5f8b\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 15).append("\" font-family=\"")
                    .append(FONT_FAMILY).append("\" font-size=\"12\">").append(Formats.figure(CellValue.of(value)))
                    .append("</text>\n");
        }
        html.append("</svg>\n<figcaption id=\"").append(id).append("\">Abbildung ").append(number).append(": ")
                .append(escape(chart.title())).append(" (die Zahlen stehen in der folgenden Tabelle)</figcaption>\n</figure>\n");
    }

    private static String edition(AnnualReport report) {
        return report.internal() ? "interne Ausgabe" : "öffentliche Ausgabe";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                    @bottom-center { content: "Seite " counter(page) " von " counter(pages); font-family: 'Liberation Sans'; font-size: 9pt; } }
            body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
            h1 { font-size: 20pt; color: #123f5c; margin-bottom: 0.2em; }
            h2 { font-size: 14pt; color: #123f5c; border-bottom: 1px solid #123f5c; margin-top: 1.4em; page-break-after: avoid; }
            .edition { font-size: 12pt; font-weight: bold; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em 0; page-break-inside: auto; }
            caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
            th, td { border-bottom: 1px solid #c8c8c8; padding: 2pt 5pt; vertical-align: top; }
            thead th { text-align: right; background: #e8eef3; }
            thead th:first-child, tbody th { text-align: left; font-weight: normal; }
            td { text-align: right; }
            tr { page-break-inside: avoid; }
            tr.total th, tr.total td { font-weight: bold; }
            figure { margin: 0.6em 0; page-break-inside: avoid; }
            figcaption { font-size: 9.5pt; color: #333; }
            code { font-family: 'Liberation Sans', monospace; font-size: 9pt; word-wrap: break-word; }
            #nachweis li { font-size: 9pt; }
            """;
}
