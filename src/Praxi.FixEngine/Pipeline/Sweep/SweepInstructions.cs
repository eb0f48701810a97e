using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>Builds the sweep's instructions: a selector literal changed within its own form, a timeout raised by one second.</summary>
internal static class SweepInstructions
{
    /// <summary>What is inserted before a literal's closing quote, in order of preference (the first that keeps the locator's form wins).</summary>
    private static readonly string[] Changes = ["-healed", ".healed", "[1]", " healed"];

    /// <summary>
    /// The literal at <paramref name="literalOffset"/> (token text <paramref name="literal"/>, closing delimiter
    /// <paramref name="closeLength"/> characters long) inside the call <paramref name="expression"/> as written: old = the
    /// call parsed by <see cref="LocatorExpression.TryParse"/>, new = the same call with the literal's value changed.
    /// </summary>
    public static SweepLiteral Selector(string file, int line, int column, int start, string form, string expression, int literalOffset, string literal, int closeLength)
    {
        if (!LocatorExpression.TryParse(expression, out var old))
        {
            return new SweepLiteral(file, line, column, start, literal.Length, form, null, "the call does not parse as a locator");
        }

        foreach (var change in Changes)
        {
            var changedLiteral = literal.Insert(literal.Length - closeLength, change);
            var changed = string.Concat(expression.AsSpan(0, literalOffset), changedLiteral, expression.AsSpan(literalOffset + literal.Length));
            if (LocatorExpression.TryParse(changed, out var healed) && healed.By == old.By && healed != old)
            {
                var instruction = new FixInstruction
                {
                    Kind = FixKind.ReplaceSelector,
                    File = file,
                    Line = line,
                    Column = column,
                    Old = old,
                    New = healed,
                    Confidence = 1,
                    Evidence = $"praxi bench rewrite --sweep: {form} {literal}",
                };
                return new SweepLiteral(file, line, column, start, literal.Length, form, instruction);
            }
        }

        return new SweepLiteral(file, line, column, start, literal.Length, form, null, "no change of the value keeps the locator's form");
    }

    /// <summary>A timeout literal of <paramref name="oldMs"/>: raise it by one second.</summary>
    public static SweepLiteral Timeout(string file, int line, int column, int start, int length, string form, int oldMs) =>
        new(file, line, column, start, length, form, new FixInstruction
        {
            Kind = FixKind.RaiseTimeout,
            File = file,
            Line = line,
            Column = column,
            OldMs = oldMs,
            NewMs = oldMs + 1000,
            Confidence = 1,
            Evidence = $"praxi bench rewrite --sweep: {form} {oldMs}",
        });

    /// <summary>Parses a numeric literal as written (<c>30_000</c>, <c>5000</c>); null for anything else.</summary>
    public static int? Number(string raw)
    {
        var digits = raw.Replace("_", string.Empty, StringComparison.Ordinal);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
