import ArgumentParser

/// The `ramanujan` command: one subcommand per file.
@main
struct RamanujanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ramanujan",
    abstract: "Evaluate, identify and search for formulas of mathematical constants.",
    version: "0.1.0",
    subcommands: [
      EvalCommand.self, IdentifyCommand.self, RecurrenceCommand.self, CMFCommand.self, SearchCommand.self,
      HitsCommand.self, MergeCommand.self, SlurmCommand.self, ReportCommand.self, RelateCommand.self,
    ]
  )
}
