using System.IO.Compression;

namespace Praxi.FixEngine;

/// <summary>The entry names that make a zip a Playwright trace (docs/evidence.md#traces), in one place for every reader.</summary>
internal static class TraceArchive
{
    /// <summary>The test runner's own record of a test (its steps and errors).</summary>
    public const string TestTrace = "test.trace";

    /// <summary>Whether an entry is a call trace at the archive's root: <c>trace.trace</c> (library) or <c>N-trace.trace</c> (runner).</summary>
    public static bool IsCallTrace(string entryName) =>
        !entryName.Contains('/', StringComparison.Ordinal)
        && (entryName == "trace.trace" || entryName.EndsWith("-trace.trace", StringComparison.Ordinal));

    /// <summary>
    /// Whether an entry holds the client's call stacks at the archive's root: <c>trace.stacks</c> (library) or
    /// <c>N-trace.stacks</c> (runner), one JSON object mapping call ids to frames.
    /// </summary>
    public static bool IsCallStacks(string entryName) =>
        !entryName.Contains('/', StringComparison.Ordinal)
        && (entryName == "trace.stacks" || entryName.EndsWith("-trace.stacks", StringComparison.Ordinal));

    /// <summary>Whether the archive is a Playwright trace (a call trace or the runner's <c>test.trace</c> at its root).</summary>
    public static bool IsTrace(ZipArchive archive) =>
        archive.Entries.Any(e => e.FullName == TestTrace || IsCallTrace(e.FullName));
}
