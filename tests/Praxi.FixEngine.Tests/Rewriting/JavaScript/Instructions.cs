using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>Fix instructions as the analysis writes them.</summary>
internal static class Instructions
{
    public static FixInstruction Selector(string file, int line, int? column, LocatorSpec old, LocatorSpec @new, FixKind kind = FixKind.ReplaceSelector) => new()
    {
        Kind = kind,
        File = file,
        Line = line,
        Column = column,
        Old = old,
        New = @new,
        Confidence = 0.9,
        Evidence = "test",
    };

    public static FixInstruction Timeout(string file, int? line, int? column, int? oldMs, int newMs, string evidence = "test") => new()
    {
        Kind = FixKind.RaiseTimeout,
        File = file,
        Line = line,
        Column = column,
        OldMs = oldMs,
        NewMs = newMs,
        Confidence = 0.9,
        Evidence = evidence,
    };

    public static FixInstruction HardWait(string file, int line) => new()
    {
        Kind = FixKind.ReplaceHardWait,
        File = file,
        Line = line,
        Confidence = 0.9,
        Evidence = "test",
    };

    public static LocatorSpec Css(string value) => new() { By = LocatorKind.Css, Value = value };

    public static LocatorSpec TestId(string value) => new() { By = LocatorKind.TestId, Value = value };

    public static LocatorSpec Role(string role, string? name = null, bool? exact = null) => new() { By = LocatorKind.Role, Role = role, Name = name, Exact = exact };

    public static LocatorSpec By(LocatorKind by, string value, bool? exact = null) => new() { By = by, Value = value, Exact = exact };
}
