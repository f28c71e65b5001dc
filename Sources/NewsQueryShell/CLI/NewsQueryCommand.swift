import ArgumentParser
public struct NewsQueryCommand: ParsableCommand {
    public init() {}
    public func run() throws {}
}
