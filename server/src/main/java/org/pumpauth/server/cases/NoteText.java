package org.pumpauth.server.cases;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.pumpauth.notes.NoteReader;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.InvalidRequestException.Problem;

/**
 * The text of a clinical note sent to a case: UTF-8 text as it is, or the text of a PDF (PDFBox).
 * A note that is not valid text, not a readable PDF, empty or too long is a problem naming the
 * body, never a stack trace; nothing of it is logged.
 */
final class NoteText {
    static final String TEXT = "text/plain";
    static final String PDF = "application/pdf";

    private NoteText() {}

    static String of(String mediaType, byte[] body) {
        String text = PDF.equals(mediaType) ? pdf(body) : utf8(body);
        // NUL and the other control characters but line breaks and tabs are no note's words.
        text = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", " ");
        if (text.isBlank()) {
            throw problem("holds no text" + (PDF.equals(mediaType) ? " (a scanned PDF needs its text recognised first)" : ""));
        }
        if (text.length() > NoteReader.MAX_CHARS) {
            throw problem("must be at most " + NoteReader.MAX_CHARS + " characters of text");
        }
        return text;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw problem("must be UTF-8 text (text/plain; charset=utf-8) or a PDF (application/pdf)");
        }
    }

    private static String pdf(byte[] body) {
        try (PDDocument document = Loader.loadPDF(body)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException | RuntimeException e) {
            // PDFBox's messages may quote the file: only what is wrong is said.
            throw problem("must be a readable PDF, not encrypted, with its text");
        }
    }

    private static InvalidRequestException problem(String message) {
        return new InvalidRequestException(List.of(new Problem("body", message)));
    }
}
