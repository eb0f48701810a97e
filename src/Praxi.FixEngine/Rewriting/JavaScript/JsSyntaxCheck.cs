using Acornima;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// Checks that a rewritten script is still well-formed: it tokenizes with balanced brackets, and plain
/// JavaScript (<c>.js</c>, <c>.mjs</c>, <c>.cjs</c>) also parses with Acornima (as a module, else as a script).
/// </summary>
internal static class JsSyntaxCheck
{
    /// <summary>Null when <paramref name="text"/> is well-formed; else what is wrong.</summary>
    public static string? Problem(string path, string text)
    {
        if (JsDocument.TryCreate(path, text, out var error) is null)
        {
            return "does not tokenize: " + error;
        }

        if (!IsPlainJavaScript(path))
        {
            return null;
        }

        var parser = new Parser(new ParserOptions { EcmaVersion = EcmaVersion.Latest, AllowHashBang = true, Tolerant = false });
        try
        {
            parser.ParseModule(text, path);
            return null;
        }
        catch (ParseErrorException moduleError)
        {
            try
            {
                parser.ParseScript(text, path);
                return null;
            }
            catch (ParseErrorException)
            {
                return "does not parse: " + moduleError.Message;
            }
        }
    }

    public static bool IsPlainJavaScript(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".cjs", StringComparison.OrdinalIgnoreCase);
}
