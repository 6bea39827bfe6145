/// A node of an HTML, SVG or MathML document: an element with attributes and children, or text.
///
/// Text and attribute values are escaped when the document is written (`&`, `<`, `>`, `"`, `'`),
/// so user text — a spec, an expression such as `1/(zeta(3)-1)`, a polynomial — can never open a
/// tag or end an attribute. Element and attribute names come from this module's code, never from
/// user text, and are checked to be plain names (letters, digits, `-`, `:`).
/// The output is well-formed XML (void elements are self-closed), so a page parses as HTML and as
/// XML alike, and an `<svg>` node written alone is a valid SVG file.
public indirect enum Markup: Sendable, Hashable {
  /// An element: name, attributes in order, children.
  case element(String, [Attribute], [Markup])
  /// Text, escaped when written.
  case text(String)
  /// Several nodes side by side (no element of their own).
  case group([Markup])

  /// A name–value pair of an element.
  public struct Attribute: Sendable, Hashable {
    public let name: String
    public let value: String
    public init(_ name: String, _ value: String) {
      precondition(Markup.isName(name), "attribute name '\(name)' is not a plain name")
      self.name = name
      self.value = value
    }
  }

  /// An element `name` with attributes `attributes` (in the order given) and `children`.
  public static func node(_ name: String, _ attributes: [(String, String)] = [], _ children: [Markup] = [])
    -> Markup
  {
    precondition(isName(name), "element name '\(name)' is not a plain name")
    return .element(name, attributes.map { Attribute($0.0, $0.1) }, children)
  }

  /// An element holding only text.
  public static func node(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
    node(name, attributes, [.text(text)])
  }

  /// Nothing: an empty group.
  public static let empty = Markup.group([])

  static func isName(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, first.properties.isAlphabetic else { return false }
    return s.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ":")
    }
  }

  /// HTML elements that never have content: written `<br/>`.
  static let voidElements: Set<String> = ["br", "hr", "img", "meta", "link", "input", "col", "wbr"]

  /// The node written as text.
  public var rendered: String {
    var out = ""
    write(to: &out)
    return out
  }

  /// Appends the node's text to `out`.
  public func write(to out: inout String) {
    switch self {
    case .text(let s): Markup.escape(s, into: &out)
    case .group(let nodes): for n in nodes { n.write(to: &out) }
    case .element(let name, let attributes, let children):
      out += "<" + name
      for a in attributes {
        out += " " + a.name + "=\""
        Markup.escape(a.value, into: &out)
        out += "\""
      }
      if children.isEmpty && (Markup.voidElements.contains(name) || !Markup.htmlContainers.contains(name)) {
        // Void HTML elements, and empty SVG/MathML elements, close themselves.
        out += "/>"
        return
      }
      out += ">"
      for c in children { c.write(to: &out) }
      out += "</" + name + ">"
    }
  }

  /// HTML elements that must be written with an end tag even when empty (a self-closed `<td/>` or
  /// `<div/>` is not empty to an HTML parser: it opens the element).
  static let htmlContainers: Set<String> = [
    "html", "head", "body", "title", "style", "div", "span", "p", "a", "table", "thead", "tbody", "tr", "td", "th",
    "section", "nav", "main", "header", "footer", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "pre",
    "code", "details", "summary", "figure", "figcaption", "caption", "em", "strong", "small", "sup", "sub",
  ]

  /// Escapes the five XML-special characters of `s` into `out`; other characters are kept (the
  /// document is UTF-8). Control characters other than tab and line ends are written as U+FFFD,
  /// since XML does not allow them.
  public static func escape(_ s: String, into out: inout String) {
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(c)
      default:
        if c.value < 0x20 || c.value == 0x7F || (0xFFFE...0xFFFF).contains(c.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
  }

  /// `s` escaped.
  public static func escaped(_ s: String) -> String {
    var out = ""
    escape(s, into: &out)
    return out
  }
}

extension Markup {
  /// A complete HTML5 page: UTF-8, a viewport, a title, an inline style sheet, the body.
  /// - Precondition: `style` (this module's own style sheet) holds none of `<>&"'`, which a style
  ///   element of HTML would not decode.
  public static func page(title: String, style: String, body: [Markup]) -> String {
    precondition(!style.contains(where: { "<>&\"'".contains($0) }), "the style sheet must not hold <>&\"'")
    let html = Markup.node(
      "html", [("lang", "en")],
      [
        .node(
          "head", [],
          [
            .node("meta", [("charset", "utf-8")]),
            .node("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .node("title", text: title),
            .node("style", text: style),
          ]),
        .node("body", [], body),
      ])
    return "<!DOCTYPE html>\n" + html.rendered + "\n"
  }
}
