package org.pumpauth.server.letters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A letter read as a person and a parser would: its XHTML as a DOM, its PDF as text. */
public final class LetterText {
    private final Document dom;

    private LetterText(Document dom) {
        this.dom = dom;
    }

    /** Parses the letter's XHTML (it must be well-formed XML: openhtmltopdf reads it as such). */
    public static LetterText of(String html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return new LetterText(f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the letter is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /** The text of every element with the class, in document order. */
    public List<String> withClass(String cls) {
        List<String> out = new ArrayList<>();
        for (Element e : all()) {
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    /** The member-facing sentences: paragraphs of class member outside the provider's clinical section. */
    public List<String> memberParagraphs() {
        return withClass("member");
    }

    /** The criterion ids the letter's elements carry. */
    public List<String> criterionIds() {
        List<String> out = new ArrayList<>();
        for (Element e : all()) {
            if (e.hasAttribute("data-criterion")) {
                out.addAll(List.of(e.getAttribute("data-criterion").split(" ")));
            }
        }
        return out;
    }

    public List<Element> elements(String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = dom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    public String text() {
        return dom.getDocumentElement().getTextContent();
    }

    /** The text with every run of white space (line breaks of the PDF included) as one space. */
    public static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private List<Element> all() {
        return elements("*");
    }

    /** The PDF's text, as PDFBox extracts it. */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("the PDF cannot be read", e);
        }
    }
}
