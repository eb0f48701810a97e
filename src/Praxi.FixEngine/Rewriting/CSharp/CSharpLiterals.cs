using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// Writes a new value in the literal kind the author used: regular <c>"…"</c>, verbatim <c>@"…"</c>, raw
/// <c>"""…"""</c> (single- or multi-line), interpolated without holes (<c>$"…"</c>), and numbers with their suffix,
/// digit separators and decimal point.
/// </summary>
internal static class CSharpLiterals
{
    /// <summary>The decoded value of a string literal or a hole-less interpolated string; null for anything else.</summary>
    public static string? StringValue(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax) =>
            string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        _ => null,
    };

    /// <summary>Renders <paramref name="value"/> in the literal kind of <paramref name="like"/> (a string literal expression).</summary>
    public static string RenderString(ExpressionSyntax like, string value)
    {
        if (like is InterpolatedStringExpressionSyntax interpolated)
        {
            var start = interpolated.StringStartToken.Text;
            var braces = value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
            return start.Contains('@', StringComparison.Ordinal) ? start + Verbatim(braces) + "\"" : "$\"" + Regular(braces) + "\"";
        }

        var token = ((LiteralExpressionSyntax)like).Token;
        return token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when token.Text.StartsWith('@') => "@\"" + Verbatim(value) + "\"",
            SyntaxKind.SingleLineRawStringLiteralToken => RawSingleLine(value) ?? Quote(value),
            SyntaxKind.MultiLineRawStringLiteralToken => RawMultiLine(token.Text, value) ?? Quote(value),
            _ => Quote(value),
        };
    }

    /// <summary>A regular C# string literal.</summary>
    public static string Quote(string value) => "\"" + Regular(value) + "\"";

    /// <summary>True when <paramref name="expression"/> is an interpolated string the rewriter can rewrite (no holes, not raw).</summary>
    public static bool IsRewritableInterpolation(InterpolatedStringExpressionSyntax expression) =>
        expression.Contents.All(c => c is InterpolatedStringTextSyntax)
        && !expression.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
        && !expression.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);

    /// <summary>The numeric value of an integer or real literal (in its own unit).</summary>
    public static double? NumberValue(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { Token.Value: { } v } literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) =>
            Convert.ToDouble(v, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Renders <paramref name="value"/> like the numeric literal <paramref name="token"/>: same suffix, separators, decimal point.</summary>
    public static string RenderNumber(SyntaxToken token, double value)
    {
        var text = token.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        var end = text.Length;
        while (end > 0 && char.IsAsciiLetter(text[end - 1]))
        {
            end--;
        }

        var suffix = text[end..];
        var body = text[..end];
        var integral = value == Math.Floor(value);
        var hadPoint = body.Contains('.', StringComparison.Ordinal);
        string digits;
        if (integral && !hadPoint)
        {
            digits = ((long)value).ToString(CultureInfo.InvariantCulture);
            if (body.Contains('_', StringComparison.Ordinal))
            {
                digits = ((long)value).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal);
            }
        }
        else if (integral)
        {
            digits = ((long)value).ToString(CultureInfo.InvariantCulture) + ".0";
        }
        else
        {
            // A fraction in an int literal's place (FromSeconds(2) → 2.5) is a double literal, which those parameters take.
            digits = value.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return digits + suffix;
    }

    private static string Regular(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\0':
                    sb.Append("\\0");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string Verbatim(string value) => value.Replace("\"", "\"\"", StringComparison.Ordinal);

    private static string? RawSingleLine(string value)
    {
        if (value.Length == 0 || value.StartsWith('"') || value.EndsWith('"') || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return null;
        }

        var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
        return quotes + value + quotes;
    }

    private static string? RawMultiLine(string original, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return null;
        }

        // """<nl><indent>content<nl><indent>""" — keep the delimiter, the newline style and the closing line's indentation.
        var open = 0;
        while (open < original.Length && original[open] == '"')
        {
            open++;
        }

        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lastBreak = original.LastIndexOf('\n');
        var indent = original[(lastBreak + 1)..^open];
        var count = Math.Max(open, LongestQuoteRun(value) + 1);
        var quotes = new string('"', count);
        return quotes + newline + indent + value + newline + indent + quotes;
    }

    private static int LongestQuoteRun(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
