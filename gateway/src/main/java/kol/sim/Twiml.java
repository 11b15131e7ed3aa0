package kol.sim;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the {@code <Connect><Stream>} out of a voice webhook's TwiML answer, as Twilio would.
 *
 * <p>The parser refuses DOCTYPEs and external entities: the answer comes from the network, and an XML parser
 * with default settings would fetch files or URLs named in it (XXE).
 */
public final class Twiml {

    private Twiml() {
    }

    /**
     * The stream to open for {@code twiml}; a relative {@code url} is resolved against {@code webhookUrl} with
     * {@code http(s)} turned into {@code ws(s)}.
     *
     * @throws IllegalArgumentException when the answer is not TwiML with a {@code <Connect><Stream url>}
     */
    public static StreamTarget streamTarget(String twiml, String webhookUrl) {
        Document document = parse(twiml);
        Element response = document.getDocumentElement();
        if (!"Response".equals(response.getTagName())) {
            throw new IllegalArgumentException("the answer is not TwiML: its root is <" + response.getTagName()
                    + ">, not <Response>");
        }
        Element stream = child(child(response, "Connect"), "Stream");
        if (stream == null) {
            String hint = child(child(response, "Start"), "Stream") != null
                    ? " (it has <Start><Stream>, which only forks audio one way; a bot needs <Connect><Stream>)"
                    : "";
            throw new IllegalArgumentException("the TwiML has no <Connect><Stream>" + hint + ": " + abbreviate(twiml));
        }
        String url = stream.getAttribute("url").trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("<Stream> has no url attribute: " + abbreviate(twiml));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Node node = stream.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element parameter && "Parameter".equals(parameter.getTagName())) {
                parameters.put(parameter.getAttribute("name"), parameter.getAttribute("value"));
            }
        }
        return new StreamTarget(absolute(url, webhookUrl), parameters);
    }

    private static String absolute(String url, String webhookUrl) {
        URI uri = URI.create(url);
        if (uri.isAbsolute() || webhookUrl == null) {
            return url;
        }
        URI resolved = URI.create(webhookUrl).resolve(uri);
        String scheme = "https".equalsIgnoreCase(resolved.getScheme()) ? "wss" : "ws";
        return scheme + resolved.toString().substring(resolved.getScheme().length());
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Fail with the exception instead of also printing "[Fatal Error]" to stderr.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the answer is not valid XML (" + e.getMessage() + "): "
                    + abbreviate(xml), e);
        }
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && tag.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
