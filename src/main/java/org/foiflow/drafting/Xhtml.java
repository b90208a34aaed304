package org.foiflow.drafting;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The rendered letter as a DOM: the PDF renderer needs well-formed XHTML, and the plain text is read from the
 * same tree so the two never disagree. Templates are therefore written as XHTML (closed tags).
 */
final class Xhtml {

  /** HTML named entities a template editor may type; XML knows only five. */
  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry("&nbsp;", "&#160;"), Map.entry("&pound;", "&#163;"), Map.entry("&ndash;", "&#8211;"),
      Map.entry("&mdash;", "&#8212;"), Map.entry("&lsquo;", "&#8216;"), Map.entry("&rsquo;", "&#8217;"),
      Map.entry("&ldquo;", "&#8220;"), Map.entry("&rdquo;", "&#8221;"), Map.entry("&hellip;", "&#8230;"),
      Map.entry("&copy;", "&#169;"), Map.entry("&sect;", "&#167;"), Map.entry("&times;", "&#215;"),
      Map.entry("&bull;", "&#8226;"));

  private Xhtml() {
  }

  static Document parse(String html, String templateName) {
    String xml = html;
    for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
      xml = xml.replace(entity.getKey(), entity.getValue());
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException malformed) {
      throw new LetterTemplateException("letter template '" + templateName
          + "' does not give well-formed XHTML (close every tag, e.g. <br/>): " + malformed.getMessage(), malformed);
    } catch (ParserConfigurationException | IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
