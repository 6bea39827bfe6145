import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The structure of a page read as XML: elements with their ids, classes and heading texts, for
/// snapshot tests of a page's structure (numbers left out).
final class XMLOutline: NSObject, XMLParserDelegate {
  var lines: [String] = []
  var elements: [String: Int] = [:]
  var links: [String] = []
  var heading: String?
  var headingText = ""

  /// Whether `text` (a page or an SVG file) is well-formed XML.
  static func parses(_ text: String) -> Bool { XMLOutline(text) != nil }

  /// Reads `text`; `nil` when it is not well-formed. A leading `<!DOCTYPE html>` is dropped.
  init?(_ text: String) {
    super.init()
    let body = text.hasPrefix("<!DOCTYPE html>") ? String(text.dropFirst("<!DOCTYPE html>".count)) : text
    let parser = XMLParser(data: Data(body.utf8))
    parser.delegate = self
    guard parser.parse() else { return nil }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements[name, default: 0] += 1
    if ["h1", "h2", "h3", "h4"].contains(name) {
      heading = name
      headingText = ""
    }
    if name == "section" { lines.append("section#\(attributes["id"] ?? "")") }
    if name == "a", let href = attributes["href"] { links.append(href) }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if heading != nil { headingText += string } }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == heading {
      lines.append("\(name) \(headingText.split(whereSeparator: \.isWhitespace).joined(separator: " "))")
      heading = nil
    }
  }
}
