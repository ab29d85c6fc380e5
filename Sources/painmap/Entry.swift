import ArgumentParser
import PainmapCore

/// The process entry: bounds the allocator's arenas before any stage starts a thread, then runs the command.
@main
enum Entry {
    static func main() async {
        ProcessMemory.limitArenas()
        await Painmap.main()
    }
}
