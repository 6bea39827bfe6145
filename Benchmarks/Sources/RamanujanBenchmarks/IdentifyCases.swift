// Identification benchmarks (issue 3): cases named identify_*, beside ramanujantools' identify.
let identifyCases: [(String, @Sendable () throws -> Void)] = []
