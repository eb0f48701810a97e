using System.Buffers;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Browser console output that a test fixture or reporter forwards into the test log: page console messages
/// (<c>[console] error: Failed to load resource: …</c>, <c>console.error: …</c>, <c>Browser console: …</c>, Cypress
/// <c>cons:error</c>, Selenium's browser log <c>[…] [SEVERE] https://cdn… - …</c>), page errors, failed requests, and the
/// messages only a browser prints (mixed content, Content Security Policy refusals, deprecations, dev-mode banners).
/// Passing tests print the same lines (a third-party CDN that does not resolve, an ad blocker, a missing favicon), so
/// such a line is context, never a failure's cause — unless it names the app under test's own origin (a loopback or
/// local host), which ties it to the app the failing call talks to.
/// </summary>
internal static class BrowserConsole
{
    /// <summary>Phrases only a browser prints, wherever the fixture put them on the line.</summary>
    private static readonly SearchValues<string> BrowserPhrases = SearchValues.Create(
        [
            "Failed to load resource", "Mixed Content: The page at", "Content Security Policy directive", "[Deprecation]",
            "DevTools failed to load source map", "Download the React DevTools", "Angular is running in development mode",
            "[HMR] ", "[vite] connect", "[webpack-dev-server]", "was preloaded using link preload but not used",
            "Third-party cookie will be blocked", "net::ERR_BLOCKED_BY_CLIENT",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>How fixtures and reporters label a forwarded message, at the start of the line (case-insensitive).</summary>
    private static readonly string[] Markers =
    [
        "[console", "console.", "console:", "console error", "console warn", "console log", "console info", "console debug",
        "console message", "browser console", "[browser", "browser:", "browser log", "browser error", "browser warn",
        "[pageerror", "pageerror", "page error:", "[page error", "cons:", "[requestfailed", "requestfailed", "request failed:",
        "[request failed", "[severe]", "[warning] http", "[info] http", "[debug] http", "{'level': 'severe'", "{'level': 'warning'", "{\"level\":\"severe\"",
    ];

    /// <summary>Hosts of the app under test when it runs beside the tests.</summary>
    private static readonly SearchValues<string> LocalOrigins = SearchValues.Create(
        ["://localhost", "://127.", "://0.0.0.0", "://[::1]", "://host.docker.internal"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the line is browser console output not about the app under test: context, never a cause.</summary>
    public static bool IsContext(string text) => IsConsoleLine(text) && text.AsSpan().IndexOfAny(LocalOrigins) < 0;

    /// <summary>True when the line is browser console output in one of its common printed shapes.</summary>
    public static bool IsConsoleLine(string text)
    {
        var t = text.AsSpan();
        if (t.IndexOfAny(BrowserPhrases) >= 0)
        {
            return true;
        }

        t = StripPrefixes(t);
        foreach (var marker in Markers)
        {
            if (t.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips what runners put before a forwarded line: indentation, <c>&gt; </c>, <c>[xUnit.net 00:00:01.20]</c>, a bracketed time, a browser project.</summary>
    private static ReadOnlySpan<char> StripPrefixes(ReadOnlySpan<char> t)
    {
        for (var i = 0; i < 4; i++)
        {
            t = t.TrimStart();
            if (t.StartsWith(">", StringComparison.Ordinal))
            {
                t = t[1..];
                continue;
            }

            if (t.Length < 2 || t[0] != '[')
            {
                return t;
            }

            var close = t.IndexOf(']');
            if (close < 0)
            {
                return t;
            }

            var inside = t[1..close];
            if (!(char.IsAsciiDigit(inside.Length > 0 ? inside[0] : ' ') || inside.StartsWith("xUnit.net", StringComparison.Ordinal) || IsBrowserProject(inside)))
            {
                return t;
            }

            t = t[(close + 1)..];
        }

        return t.TrimStart();
    }

    private static bool IsBrowserProject(ReadOnlySpan<char> name) =>
        name.Equals("chromium", StringComparison.OrdinalIgnoreCase) || name.Equals("firefox", StringComparison.OrdinalIgnoreCase)
        || name.Equals("webkit", StringComparison.OrdinalIgnoreCase) || name.Equals("chrome", StringComparison.OrdinalIgnoreCase)
        || name.Equals("msedge", StringComparison.OrdinalIgnoreCase);
}
