using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Evaluation;

/// <summary>
/// Wraps logs in the browser console output that test fixtures forward into a test log — the lines passing tests print
/// as much as failing ones: third-party CDN, font and analytics loads that fail (<c>net::ERR_NAME_NOT_RESOLVED</c>,
/// <c>ERR_CONNECTION_REFUSED</c>, <c>ERR_BLOCKED_BY_CLIENT</c>, 404/401/503 answers), mixed-content and Content Security
/// Policy refusals, deprecations, React and Angular development warnings, page errors of third-party scripts and failed
/// requests, in the shapes Playwright fixtures, Selenium's browser log and Cypress's terminal report print them,
/// interleaved with passing tests. The same seed gives the same bytes. Used by <c>praxi eval --score-on console</c> to
/// check that console noise does not change an answer.
/// </summary>
public static class ConsoleNoise
{
    private static readonly string[] ThirdParty =
    [
        "https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js", "https://fonts.googleapis.com/css2?family=Inter:wght@400;600",
        "https://fonts.gstatic.com/s/inter/v13/UcCO3FwrK3iLTeHuS_fvQtMwCp50KnMw2boKoduKmMEVuLyfAZ9hiA.woff2",
        "https://www.googletagmanager.com/gtag/js?id=G-7Q2XW3K9LM", "https://www.google-analytics.com/g/collect?v=2&tid=G-7Q2XW3K9LM",
        "https://connect.facebook.net/en_US/fbevents.js", "https://static.hotjar.com/c/hotjar-3516241.js?sv=6", "https://js.stripe.com/v3/",
        "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.1/css/all.min.css", "https://unpkg.com/htmx.org@1.9.10",
        "https://browser.sentry-cdn.com/7.99.0/bundle.min.js", "https://widget.intercom.io/widget/x7k2m9qa", "https://cdn.segment.com/analytics.js/v1/abc/analytics.min.js",
        "https://maps.googleapis.com/maps/api/js?key=AIza-demo", "https://platform.twitter.com/widgets.js", "https://www.youtube.com/iframe_api",
    ];

    private static readonly string[] Messages =
    [
        "Failed to load resource: net::ERR_NAME_NOT_RESOLVED", "Failed to load resource: net::ERR_NAME_NOT_RESOLVED",
        "Failed to load resource: net::ERR_CONNECTION_REFUSED", "Failed to load resource: net::ERR_CONNECTION_RESET",
        "Failed to load resource: net::ERR_TIMED_OUT", "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT",
        "Failed to load resource: net::ERR_INTERNET_DISCONNECTED", "Failed to load resource: net::ERR_CERT_AUTHORITY_INVALID",
        "Failed to load resource: the server responded with a status of 404 ()", "Failed to load resource: the server responded with a status of 404 (Not Found)",
        "Failed to load resource: the server responded with a status of 401 (Unauthorized)", "Failed to load resource: the server responded with a status of 403 (Forbidden)",
        "Failed to load resource: the server responded with a status of 500 (Internal Server Error)",
        "Failed to load resource: the server responded with a status of 503 (Service Unavailable)",
        "Failed to load resource: the server responded with a status of 429 (Too Many Requests)",
        "Mixed Content: The page at 'https://embed.example-widgets.com/frame' was loaded over HTTPS, but requested an insecure image 'http://pixel.adnetwork.example/p.gif'. This content should also be served over HTTPS.",
        "Refused to load the script '{url}' because it violates the following Content Security Policy directive: \"script-src 'self'\". Note that 'script-src-elem' was not explicitly set, so 'script-src' is used as a fallback.",
        "Refused to connect to '{url}' because it violates the following Content Security Policy directive: \"connect-src 'self'\".",
        "[Report Only] Refused to load the font '{url}' because it violates the following Content Security Policy directive: \"font-src 'self'\".",
        "[Deprecation] Listener added for a synchronous 'DOMNodeInserted' DOM Mutation Event. This event type is deprecated, and will be removed from this browser very soon.",
        "[Deprecation] Synchronous XMLHttpRequest on the main thread is deprecated because of its detrimental effects to the end user's experience.",
        "Warning: Each child in a list should have a unique \"key\" prop. See https://reactjs.org/link/warning-keys for more information.",
        "Warning: componentWillReceiveProps has been renamed, and is not recommended for use. Move data fetching code or side effects to componentDidUpdate.",
        "Warning: Cannot update a component (`Header`) while rendering a different component (`Cart`).",
        "Download the React DevTools for a better development experience: https://reactjs.org/link/react-devtools",
        "Angular is running in development mode.", "NG0913: An image with src /assets/hero.jpg has intrinsic file dimensions much larger than its rendered size.",
        "DevTools failed to load source map: Could not load content for {url}.map: HTTP error: status code 404, net::ERR_HTTP_RESPONSE_CODE_FAILURE",
        "The resource {url} was preloaded using link preload but not used within a few seconds from the window's load event.",
        "Third-party cookie will be blocked. Learn more in the Issues tab.", "[HMR] Waiting for update signal from WDS...",
        "Uncaught (in promise) TypeError: Failed to fetch", "WebSocket connection to 'wss://realtime.example-chat.io/socket' failed: ",
        "Access to fetch at '{url}' from origin 'https://embed.example-widgets.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ];

    private static readonly string[] PageErrors =
    [
        "ReferenceError: gtag is not defined", "TypeError: Cannot read properties of undefined (reading 'push')", "Script error.",
        "ResizeObserver loop completed with undelivered notifications.", "Error: Minified React error #418; visit https://reactjs.org/docs/error-decoder.html?invariant=418",
        "Uncaught SyntaxError: Unexpected token '<' (at widgets.js:1:1)",
    ];

    private static readonly string[] RequestFailures =
        ["net::ERR_NAME_NOT_RESOLVED", "net::ERR_CONNECTION_REFUSED", "net::ERR_ABORTED", "net::ERR_BLOCKED_BY_CLIENT", "net::ERR_TIMED_OUT", "NS_ERROR_UNKNOWN_HOST", "NS_BINDING_ABORTED"];

    private static readonly string[] Titles =
    [
        "renders the home page", "shows the product list", "filters by category", "paginates the results", "adds an item to the wishlist",
        "switches the language", "opens the help dialog", "sorts by price", "shows the footer links", "keeps the cookie banner closed",
    ];

    private static readonly string[] Levels = ["error", "error", "error", "warning", "warning", "log", "info", "debug"];

    /// <summary>
    /// Copies <paramref name="source"/> (a folder, for example a labelled corpus or a run's artifacts) to
    /// <paramref name="target"/>, wrapping every text log (<c>*.log</c>, <c>*.txt</c>) in browser console output; other files
    /// are copied as they are.
    /// </summary>
    /// <param name="source">The folder to copy.</param>
    /// <param name="target">The folder to write (created; files in it are overwritten).</param>
    /// <param name="seed">The seed: the same seed and input give the same output.</param>
    /// <returns><paramref name="target"/>.</returns>
    /// <exception cref="FixEngineException"><paramref name="source"/> is not a folder.</exception>
    public static string WrapFolder(string source, string target, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!Directory.Exists(source))
        {
            throw new FixEngineException($"'{source}' is not a folder: pass a folder of logs to wrap in console output.");
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(source, file);
            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (IsTextLog(file))
            {
                var lines = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                var wrapped = Wrap(lines, new Random(seed ^ StableHash(relative.Replace('\\', '/'))));
                File.WriteAllText(to, string.Join('\n', wrapped));
            }
            else
            {
                File.Copy(file, to, overwrite: true);
            }
        }

        return target;
    }

    /// <summary>The lines of one log wrapped: passing tests with their console output before and after, console output before the test lines inside it.</summary>
    internal static List<string> Wrap(IReadOnlyList<string> lines, Random random)
    {
        var style = random.Next(StyleCount);
        var output = new List<string>(lines.Count * 2);
        AddPassing(output, random, style, random.Next(3, 12));
        foreach (var line in lines)
        {
            if (IsTestLine(line) && random.Next(2) == 0)
            {
                AddConsole(output, random, style, random.Next(1, 4));
            }

            output.Add(line);
        }

        AddPassing(output, random, style, random.Next(1, 6));
        return output;
    }

    private const int StyleCount = 9;

    private static void AddPassing(List<string> output, Random random, int style, int tests)
    {
        var dotnet = random.Next(2) == 0;
        for (var i = 0; i < tests; i++)
        {
            var title = Titles[random.Next(Titles.Length)];
            output.Add(dotnet
                ? string.Create(CultureInfo.InvariantCulture, $"  Passed Shop.E2E.Tests.StorefrontTests.{Pascal(title)} [{random.Next(80, 4000)} ms]")
                : string.Create(CultureInfo.InvariantCulture, $"  ✓ {title} ({random.Next(40, 3000)}ms)"));
            AddConsole(output, random, style, random.Next(1, 5));
        }
    }

    private static void AddConsole(List<string> output, Random random, int style, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            var url = ThirdParty[random.Next(ThirdParty.Length)];
            if (roll == 0)
            {
                var error = PageErrors[random.Next(PageErrors.Length)];
                output.Add(random.Next(3) switch { 0 => $"[pageerror] {error}", 1 => $"pageerror: {error}", _ => $"> PAGEERROR: {error}" });
                continue;
            }

            if (roll == 1)
            {
                var failure = RequestFailures[random.Next(RequestFailures.Length)];
                output.Add(random.Next(2) == 0 ? $"[requestfailed] GET {url}: {failure}" : $"Request failed: {url} ({failure})");
                continue;
            }

            var message = Messages[random.Next(Messages.Length)].Replace("{url}", url, StringComparison.Ordinal);
            output.Add(Format(style, random, Levels[random.Next(Levels.Length)], message, url));
        }
    }

    /// <summary>One console message as a fixture, a runner or a reporter prints it.</summary>
    private static string Format(int style, Random random, string level, string message, string url)
    {
        var located = random.Next(2) == 0 ? message : string.Create(CultureInfo.InvariantCulture, $"{message} ({url}:{random.Next(1, 400)})");
        var severe = level == "error" ? "SEVERE" : level == "warning" ? "WARNING" : "INFO";
        var time = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc).AddMilliseconds(random.Next(0, 3_600_000));
        return style switch
        {
            0 => $"[console] {level}: {located}",
            1 => $"console.{level}: {located}",
            2 => $"Browser console [{level}]: {located}",
            3 => $"    [browser] {level}: {located}",
            4 => string.Create(CultureInfo.InvariantCulture, $"[{time:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}] [{severe}] {url} - {message}"),
            5 => $"browser log: {severe} {url} {random.Next(1, 400)}:{random.Next(1, 80)} {message}",
            6 => $"      cons:{(level == "warning" ? "warn" : level)}  {(level == "error" ? "✘" : level == "warning" ? "⚠" : "ⓘ")}  {message}",
            7 => $"> CONSOLE: {located}",
            _ => string.Create(CultureInfo.InvariantCulture, $"[xUnit.net 00:00:{random.Next(10, 59)}.{random.Next(10, 99)}]     [console] {level}: {located}"),
        };
    }

    /// <summary>A line a runner prints for a test's outcome, before which a fixture's console output of that test lands.</summary>
    private static bool IsTestLine(string line)
    {
        var t = line.AsSpan().TrimStart();
        return t.Length > 0 && (t[0] is '✓' or '✔' or '✘' or '✕' or '×' or '✗' or '●'
            || t.StartsWith("Passed ", StringComparison.Ordinal) || t.StartsWith("Failed ", StringComparison.Ordinal)
            || t.StartsWith("ok ", StringComparison.Ordinal) || t.StartsWith("PASS ", StringComparison.Ordinal) || t.StartsWith("FAIL ", StringComparison.Ordinal)
            || t.Contains("[FAIL]", StringComparison.Ordinal) || t.Contains(" PASSED", StringComparison.Ordinal) || t.Contains(" FAILED", StringComparison.Ordinal));
    }

    private static bool IsTextLog(string file)
    {
        if (!file.EndsWith(".log", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var head = new char[256];
        var read = reader.ReadBlock(head, 0, head.Length);
        var start = new string(head, 0, read).TrimStart();
        return !start.StartsWith('{') && !start.StartsWith('<') && !start.StartsWith("[{", StringComparison.Ordinal) && !head.AsSpan(0, read).Contains('\0');
    }

    private static string Pascal(string title) =>
        string.Concat(title.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>FNV-1a of the path: the same file gets the same noise on every machine (string hashes are randomised per process).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
