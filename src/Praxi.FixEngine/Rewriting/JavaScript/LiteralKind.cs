namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>What a literal value in the source is.</summary>
internal enum LiteralKind
{
    String,
    Regex,
    Number,
    Boolean,
}
