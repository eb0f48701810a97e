using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>A literal that holds a followed value: a string literal, a hole-less interpolated string or a number.</summary>
/// <param name="Tree">The file it is in.</param>
/// <param name="Literal">The literal expression; its span is what an edit replaces.</param>
internal sealed record LiteralSite(SyntaxTree Tree, ExpressionSyntax Literal)
{
    /// <summary>The value as text (a string's decoded value; a number as written without suffix, invariant).</summary>
    public string? Text => CSharpLiterals.StringValue(Literal)
        ?? CSharpLiterals.NumberValue(Literal)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
