using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Praxi.FixEngine.Evidence;

/// <summary>
/// Parses evidence HTML — a rebuilt trace snapshot or a <c>dom.html</c> dump — into an AngleSharp document.
/// Parsing only: no scripting, no resource loading, no network.
/// </summary>
internal static class DomLoader
{
    /// <summary>A dump larger than this is refused.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>Parses HTML text.</summary>
    public static IHtmlDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parser.ParseDocument(html);
    }

    /// <summary>Parses an HTML dump from a file.</summary>
    /// <exception cref="FixEngineException">The file cannot be read or is larger than <see cref="MaxFileBytes"/>.</exception>
    public static IHtmlDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new FixEngineException($"The DOM dump {path} has {length} bytes, more than the {MaxFileBytes} allowed; pass a page dump, not an archive.");
            }

            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FixEngineException($"Cannot read the DOM dump {path}: {ex.Message}", ex);
        }
    }
}
