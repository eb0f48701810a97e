using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>Instructions as analysis.json carries them, for rewriter tests.</summary>
internal static class Instructions
{
    public static LocatorSpec Css(string value) => new() { By = LocatorKind.Css, Value = value };

    public static LocatorSpec Spec(LocatorKind by, string value, bool? exact = null) => new() { By = by, Value = value, Exact = exact };

    public static LocatorSpec Role(string role, string? name, bool? exact = null) => new() { By = LocatorKind.Role, Role = role, Name = name, Exact = exact };

    public static FixInstruction Selector(string file, int line, LocatorSpec old, LocatorSpec @new, int? column = null, FixKind kind = FixKind.ReplaceSelector) => new()
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

    public static FixInstruction Timeout(string file, int line, int? oldMs, int newMs, int? column = null) => new()
    {
        Kind = FixKind.RaiseTimeout,
        File = file,
        Line = line,
        Column = column,
        OldMs = oldMs,
        NewMs = newMs,
        Confidence = 0.7,
        Evidence = "test",
    };

    public static FixInstruction HardWait(string file, int line) => new()
    {
        Kind = FixKind.ReplaceHardWait,
        File = file,
        Line = line,
        Confidence = 0.6,
        Evidence = "test",
    };
}
