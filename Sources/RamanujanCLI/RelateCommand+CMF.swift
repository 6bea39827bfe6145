import ArgumentParser
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

extension RelateCommand {
  /// The field of `--cmf NAME` or `--cmf-file F`, checked for conservation as `cmf pcf` checks it,
  /// and the key of its trajectory-PCF cache.
  func placementField() throws -> (cmf: CMF, label: String, cacheKey: String) {
    let options = try FieldOptions.parse(cmf.map { [$0] } ?? ["--file", cmfFile!])
    let (field, _) = try options.checkedField(noCheck: false)
    if let cmf {
      let label = cmf.filter { $0 != " " }.lowercased()
      return (field, label, label)
    }
    let text = try readTextFile(cmfFile!)
    return (field, cmfFile!, "file-" + TrajectoryPCFCache.hash(text))
  }

  /// The placer of the options: the relator's bounds, the height, the box of starts.
  func placer(_ field: CMF) throws -> CMFPlacer {
    let denominators = try Self.denominators(startDenominators)
    let values = CMFPlacer.axisValues(radius: startBox, denominators: denominators).count
    let starts = pow(Double(values), Double(field.dimension))
    let trajectories = CMFPlacer.trajectoryCount(dimension: field.dimension, maxHeight: maxHeight)
    let pairs = starts * trajectories
    guard starts <= 100_000, pairs <= Double(Self.maxTrajectoryPCFs) else {
      throw ValidationError(
        "--max-height \(maxHeight) and --start-box \(startBox) on \(field.dimension) axes give \(Int(min(trajectories, 1e15))) trajectories × \(Int(min(starts, 1e15))) starts: more than \(Self.maxTrajectoryPCFs) trajectory PCFs; lower --max-height or --start-box"
      )
    }
    let relator = PCFRelator(maxDegree: maxDegree, maxFold: maxFold, digits: digits)
    return CMFPlacer(
      relator: relator, maxHeight: maxHeight,
      starts: CMFPlacer.starts(dimension: field.dimension, radius: startBox, denominators: denominators),
      threads: availableCores)
  }

  /// The most trajectory PCFs a placement may enumerate (most are skipped by fingerprint).
  static let maxTrajectoryPCFs = 2_000_000

  /// `--start-denominators 1,2` read.
  static func denominators(_ text: String) throws -> [Int] {
    let parts = text.split(separator: ",").map { Int($0.filter { $0 != " " }) }
    guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && (1...12).contains($0!) }) else {
      throw ValidationError(
        "--start-denominators: expected integers in 1...12 separated by commas, got '\(escapedForMessage(text))'")
    }
    return parts.map { $0! }
  }

  /// The directory of the trajectory-PCF caches: --cache, $XDG_CACHE_HOME/ramanujan or
  /// ~/.cache/ramanujan; `nil` when none can be named.
  func cacheDirectory() -> String? {
    if let cache { return cache }
    if let xdg = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), !xdg.isEmpty { return xdg + "/ramanujan" }
    if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { return home + "/.cache/ramanujan" }
    return nil
  }

  /// Places one formula, with the cache and progress on stderr.
  func placeFormula(
    _ formula: PCF, field: CMF, label: String, placer: CMFPlacer, cache: TrajectoryPCFCache
  ) throws -> CMFPlacement {
    let clock = ContinuousClock.now
    let lastNote = _Clock()
    let result: CMFPlacement
    do {
      result = try placer.place(
        formula, on: field,
        pcfOf: { place in cache.pcf(place) { CMFPlacer.trajectoryPCF(field, place) } },
        progress: { done, total in
          cache.save()
          guard lastNote.due() else { return }
          let seconds = Int(((ContinuousClock.now - clock) / .seconds(1)).rounded())
          writeError("relate: \(done) of \(total) trajectories on \(label) (\(seconds) s)\n")
        })
    } catch {
      throw ValidationError("\(error)")
    }
    guard let place = result.place, result.proven else { return result }
    // The placement's PCF is recomputed, never taken from the cache alone.
    guard case .pcf(let fresh) = CMFPlacer.trajectoryPCF(field, place), let r = result.relation,
      fresh.a == r.second.a, fresh.b == r.second.b
    else {
      cache.discard()
      throw CMFFailure(
        "the trajectory PCF cache gave a PCF that \(label) along \(place.trajectory) from \(place.start) does not give: the cache is not used; run again"
      )
    }
    return result
  }

  /// `relate --a1 A --b1 B --cmf NAME`: the formula's placement, or why none was found (exit 1).
  func placementOutput() throws -> (lines: [String], failure: String?) {
    let formula = PCF(
      a: try EvalCommand.polynomial(a1!, option: "--a1"), b: try EvalCommand.polynomial(b1!, option: "--b1"))
    let (field, label, key) = try placementField()
    let placer = try placer(field)
    let cache = TrajectoryPCFCache(directory: noCache ? nil : cacheDirectory(), key: key)
    writeError(
      "relate: up to \(Int(CMFPlacer.trajectoryCount(dimension: field.dimension, maxHeight: maxHeight))) trajectories × \(placer.starts.count) starts on \(label) (\(cache.count) trajectory PCFs cached); rates and Möbius fingerprints first\n"
    )
    let clock = ContinuousClock.now
    let result = try placeFormula(formula, field: field, label: label, placer: placer, cache: cache)
    cache.save()
    let seconds = (ContinuousClock.now - clock) / .seconds(1)
    return (
      placementLines(formula, result, label: label, seconds: seconds),
      result.proven ? nil : "not placed: \(result.reason ?? result.relation?.reason ?? "")"
    )
  }

  func placementLines(_ formula: PCF, _ result: CMFPlacement, label: String, seconds: Double) -> [String] {
    let stats =
      "\(result.trajectories) trajectories, \(result.rateMatches) with a compatible rate, \(result.pcfs) trajectory PCFs, \(result.proofs) proofs tried"
    if format == .json {
      var extra: [(String, String)] = [("cmf", JSONLine.quote(label))]
      if let place = result.place {
        extra.append(("trajectory", "[" + place.trajectory.steps.map(String.init).joined(separator: ", ") + "]"))
        extra.append(
          ("start", "[" + place.start.coordinates.map { JSONLine.quote($0.description) }.joined(separator: ", ") + "]"))
      } else {
        extra += [("trajectory", "null"), ("start", "null")]
      }
      extra.append(("trajectories", "\(result.trajectories)"))
      extra.append(("trajectory_pcfs", "\(result.pcfs)"))
      extra.append(("proofs_tried", "\(result.proofs)"))
      if let r = result.relation, result.proven {
        return [Self.json(r, seconds: seconds, extra: extra)]
      }
      var o = JSONLine()
      o.add("a1", formula.a.description)
      o.add("b1", formula.b.description)
      for k in ["a2", "b2", "fold", "U", "multiplier", "mobius"] { o.addRaw(k, "null") }
      o.add("proven", false)
      o.add("digits", 0)
      o.add("seconds", (seconds * 1000).rounded() / 1000)
      o.add("reason", result.reason)
      for (k, v) in extra { o.addRaw(k, v) }
      return [o.text]
    }
    guard let place = result.place, let r = result.relation, result.proven else {
      return [
        "\(formula) on \(label): not placed", "  reason      \(result.reason ?? "")", "  searched    \(stats)",
        "  seconds     \((seconds * 1000).rounded() / 1000)",
      ]
    }
    var lines = ["\(formula) on \(label) along \(place.trajectory) from \(place.start): placed"]
    lines.append("  pcf         \(r.second) (the trajectory's PCF, as 'cmf pcf' prints it)")
    lines += Self.text(r, seconds: seconds).dropFirst()
    lines.append("  searched    \(stats)")
    return lines
  }

  /// `relate --store S --cmf NAME`: every class of the store placed; placements stored.
  func storePlacementOutput(_ db: SearchStore) throws -> (lines: [String], failure: String?) {
    let (field, label, key) = try placementField()
    let placer = try placer(field)
    let cache = TrajectoryPCFCache(directory: noCache ? nil : cacheDirectory(), key: key)
    defer { cache.save() }
    let relator = placer.relator
    let formulas = try Self.formulas(db, relator: relator)
    let hits = try db.hits()
    let (classes, _) = try HitsCommand.classes(db, hits: hits)
    let placed = Set(try db.placements().filter { $0.cmf == label }.map(\.key))
    let byKey = Dictionary(formulas.map { ($0.hit.canonicalKey, $0) }, uniquingKeysWith: { x, _ in x })
    // Classes of one formula too: every formula not yet in a proven class is its own.
    var groups: [[String]] = classes.classes.map { $0.members.map(\.key) }
    let grouped = Set(groups.joined())
    groups += formulas.map(\.hit.canonicalKey).filter { !grouped.contains($0) }.map { [$0] }
    writeError("relate: placing \(groups.count) classes on \(label)\n")
    var lines: [String] = []
    var count = 0
    let clock = ContinuousClock.now
    for members in groups {
      guard !members.contains(where: placed.contains), let f = members.lazy.compactMap({ byKey[$0] }).first else {
        continue
      }
      let start = ContinuousClock.now
      let result = try placeFormula(f.pcf, field: field, label: label, placer: placer, cache: cache)
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      if let place = result.place, let r = result.relation, let c = Self.certificate(r) {
        count += 1
        try db.insert(
          SearchStore.Placement(
            key: f.hit.canonicalKey, cmf: label, a1: f.hit.a, b1: f.hit.b,
            trajectory: place.trajectory.steps.map(String.init).joined(separator: ","),
            start: place.start.coordinates.map(\.description).joined(separator: ","), a2: r.second.a.description,
            b2: r.second.b.description, certificate: c))
      }
      lines += placementLines(f.pcf, result, label: label, seconds: seconds)
    }
    let total = (ContinuousClock.now - clock) / .seconds(1)
    if format == .json {
      var o = JSONLine()
      o.add("classes", groups.count)
      o.add("placed", count)
      o.add("seconds", total)
      lines.append(o.text)
    } else {
      lines.append(
        "\(groups.count) classes, \(count) placed on \(label) and stored in '\(db.path)' (\((total * 100).rounded() / 100) s); see them with 'ramanujan hits --store S --classes'"
      )
    }
    return (lines, nil)
  }
}

/// At most one note every five seconds.
final class _Clock: @unchecked Sendable {
  private var last = ContinuousClock.now
  func due() -> Bool {
    guard ContinuousClock.now - last > .seconds(5) else { return false }
    last = .now
    return true
  }
}
