package nrw.kinetz.reporting.publication.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import nrw.kinetz.reporting.publication.AnnualReportHtml;

/**
 * The annual report's PDF from its XHTML: tagged for assistive technology (PDF/UA mode: structure tree, language,
 * title shown instead of the file name) with its one font embedded. The font is Liberation Sans (SIL Open Font
 * Licence), which PDFBox itself ships, so the PDF looks the same on every machine and needs no font installed.
 */
final class AnnualReportPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private AnnualReportPdf() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePdfUaAccessbility(true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            // One face for every weight: PDF/UA forbids fonts that are not embedded, and this is the one to hand.
            builder.useFont(AnnualReportPdf::font, AnnualReportHtml.FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(AnnualReportPdf::font, AnnualReportHtml.FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        return AnnualReportPdf.class.getResourceAsStream(FONT);
    }
}
