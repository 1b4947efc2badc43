package org.pumpauth.server.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.pumpauth.server.audit.Sha256;

/**
 * Renders a letter's HTML as a PDF: tagged for accessibility (PDF/UA), its fonts (DejaVu Sans, shipped
 * in the jar) embedded, and deterministic: the same HTML and issue time give the same bytes (the
 * metadata dates are the letter's {@code createdAt}, the file id is taken from the HTML's hash), so a
 * letter's PDF can be rendered again on any request instead of stored.
 */
public final class LetterPdf {
    private static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    static {
        // Its log lines may quote the document's text: a letter holds clinical facts.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private LetterPdf() {}

    /** The PDF of the letter. */
    public static byte[] render(IssuedLetter letter) {
        return render(letter.html().content(), letter.letter().createdAt());
    }

    /** The PDF of a letter's HTML issued at {@code createdAt}. */
    public static byte[] render(String html, Instant createdAt) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("pumpauth");
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument document = renderer.createPDFKeepOpen();
            try (document) {
                fix(document, html, createdAt);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dates from the letter, not the clock; the file id from the HTML, not a random number. */
    private static void fix(PDDocument document, String html, Instant createdAt) throws IOException {
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(createdAt.toEpochMilli());
        document.getDocumentInformation().setCreationDate(at);
        document.getDocumentInformation().setModificationDate(at);
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (InputStream in = metadata.exportXMPMetadata()) {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false); // the PDF/UA identification schema is not one xmpbox defines
                XMPMetadata xmp = parser.parse(in.readAllBytes());
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic == null) {
                    basic = xmp.createAndAddXMPBasicSchema();
                }
                basic.setCreateDate(at);
                basic.setModifyDate(at);
                basic.setMetadataDate(at);
                ByteArrayOutputStream xml = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, xml, true);
                metadata.importXMPMetadata(xml.toByteArray());
            } catch (org.apache.xmpbox.xml.XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("the PDF's metadata could not be rewritten", e);
            }
        }
        byte[] id = hexBytes(Sha256.hex(html).substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] hexBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static byte[] font(String name) {
        try (InputStream in = LetterPdf.class.getResourceAsStream("fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fonts/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
