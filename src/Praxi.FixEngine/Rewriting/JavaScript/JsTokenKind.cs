namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>The kinds of tokens the rewriter tells apart.</summary>
internal enum JsTokenKind
{
    /// <summary>An identifier, keyword, <c>null</c>, <c>true</c> or <c>false</c>.</summary>
    Name,

    /// <summary>A quoted string literal.</summary>
    String,

    /// <summary>The text part of a template literal (between the backticks and <c>${…}</c>).</summary>
    TemplateText,

    /// <summary>A numeric or bigint literal.</summary>
    Number,

    /// <summary>A regular expression literal.</summary>
    Regex,

    /// <summary>Punctuation, including the backtick and <c>${</c> of templates.</summary>
    Punct,
}
