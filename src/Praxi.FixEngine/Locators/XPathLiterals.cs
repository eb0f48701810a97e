namespace Praxi.FixEngine.Locators;

/// <summary>XPath 1.0 string literals (XPath has no escapes: a value with both quote kinds needs <c>concat()</c>).</summary>
internal static class XPathLiterals
{
    /// <summary>The value in single quotes, else double quotes; null when it holds both.</summary>
    public static string? TryQuote(string value) =>
        !value.Contains('\'', StringComparison.Ordinal) ? "'" + value + "'"
        : !value.Contains('"', StringComparison.Ordinal) ? "\"" + value + "\""
        : null;

    /// <summary>The value as an XPath expression: a literal, or <c>concat()</c> when it holds both quote kinds.</summary>
    public static string Quote(string value) =>
        TryQuote(value) ?? "concat('" + value.Replace("'", "', \"'\", '", StringComparison.Ordinal) + "')";
}
