import Multiprecision

/// The limits the readers of written polynomials share (`Polynomial(parsing:)`, the field
/// expressions of MatrixFields, the search templates): how deep parentheses may nest and how much
/// work expanding products and powers may take, estimated before the work is done.
///
/// Text is read in one pass; only expansion costs more than linear time, so every product and
/// power first estimates its result (terms, degree, coefficient bits) and its cost, and the whole
/// text shares one budget. A text over a limit is refused with an error naming the column.
package enum _ExpressionLimits {
  /// The deepest nesting of parentheses; deeper text is refused before the stack grows.
  package static let maximumNesting = 200
  /// The most coefficient operations (one unit ≈ a multiply-add of one-word numbers) that reading
  /// one text may spend: about a second of work.
  package static let maximumWork = 30_000_000.0
  /// A power whose up-front estimate (an upper bound that ignores cancellation and sparsity) is
  /// this many times the budget is refused at once; below, each squaring is admitted from the sizes
  /// of its actual operands, so sparse powers such as `(n^100+1)^100` are not refused for the bound.
  package static let hopelessFactor = 100.0
  /// The most bits a coefficient may reach by expansion (about 315,000 decimal digits).
  package static let maximumCoefficientBits = 1 << 20

  /// `text` made printable on one line: control characters (newlines, NUL, …) as escapes.
  package static func escaped(_ text: String) -> String { _escapedControls(text) }
}

/// An estimate of a polynomial's size: its number of terms, degree and largest coefficient in bits.
package struct _ExpansionSize: Sendable {
  package var terms: Double
  package var degree: Int
  package var bits: Double

  package init(terms: Int, degree: Int, bits: Int) {
    self.terms = Double(terms)
    self.degree = degree
    self.bits = Double(bits)
  }

  init(terms: Double, degree: Int, bits: Double) {
    self.terms = terms
    self.degree = degree
    self.bits = bits
  }

  /// Words of 64 bits of the largest coefficient.
  var words: Double { (bits / 64).rounded(.up) }

  /// The size of a product and its cost: term pairs, each weighted by the words of the two
  /// coefficients (linear, as GMP's multiplication is below a few words, plus a quadratic part that
  /// keeps the estimate an upper bound for schoolbook sizes);
  /// `termBound(degree)` caps the terms a polynomial of that degree can have.
  package static func product(_ a: Self, _ b: Self, termBound: (Int) -> Double) -> (size: Self, cost: Double) {
    let degree = a.degree + b.degree
    let terms = min(a.terms * b.terms, termBound(degree))
    let pairs = max(1, min(a.terms, b.terms))
    // ⌈log₂ pairs⌉ more bits than a single product.
    let carry = pairs.significand == 1 ? pairs.exponent : pairs.exponent + 1
    let bits = a.bits + b.bits + Double(carry)
    let cost = a.terms * b.terms * (1 + a.words + b.words + a.words * b.words / 32)
    return (Self(terms: terms, degree: degree, bits: bits), cost)
  }

  /// The size of aᵏ (k ≥ 1) computed by repeated squaring, and its cost.
  package static func power(_ a: Self, _ k: Int, termBound: (Int) -> Double) -> (size: Self, cost: Double) {
    var result: Self?
    var base = a
    var e = k
    var cost = 0.0
    while e > 0 {
      if e & 1 == 1 {
        if let r = result {
          let (s, c) = product(r, base, termBound: termBound)
          result = s
          cost += c
        } else {
          result = base
        }
      }
      e >>= 1
      if e > 0 {
        let (s, c) = product(base, base, termBound: termBound)
        base = s
        cost += c
      }
    }
    return (result ?? Self(terms: 1, degree: 0, bits: 1), cost)
  }
}
