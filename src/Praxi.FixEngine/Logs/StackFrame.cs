using System.Globalization;
using System.Text.RegularExpressions;

namespace Praxi.FixEngine.Logs;

/// <summary>One stack frame read from a runner's output, in any of the syntaxes the supported runners print.</summary>
/// <param name="File">The file as printed (URL prefixes such as <c>file://</c> and <c>webpack:///</c> removed).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, when the syntax has one.</param>
/// <param name="Function">The function or method, when printed.</param>
internal sealed partial record StackFrame(string File, int Line, int? Column, string? Function)
{
    private static readonly string[] FrameworkPathMarkers =
    [
        "node_modules/", "site-packages/", "dist-packages/", "/_/src/", "playwright/lib/", "playwright-core/",
        "<anonymous>", "node:", "/lib/python", "_pytest/", "pluggy/", "<frozen ", "__cypress/", "cypress_runner",
        "/usr/lib/", "/usr/local/lib/", "/.venv/", "/venv/", "/.pyenv/",
    ];

    /// <summary>Build output folders: a <c>pages/</c> folder under <c>.next/</c> is an app's, not a page object's.</summary>
    private static readonly string[] BuildDirectories = [".next", ".nuxt", ".svelte-kit", "dist", "build", "out", "coverage", "bin", "obj"];

    private static readonly string[] FrameworkFunctionPrefixes =
    [
        "System.", "Microsoft.Playwright.", "Microsoft.VisualStudio.", "Microsoft.TestPlatform.", "Microsoft.Extensions.",
        "Microsoft.EntityFrameworkCore.", "Microsoft.Data.", "Microsoft.AspNetCore.Mvc.Testing.", "Xunit.", "NUnit.", "MSTest.", "OpenQA.", "java.", "javax.", "jdk.", "sun.",
        "org.junit.", "org.testng.", "org.openqa.", "com.microsoft.playwright.", "org.apache.maven.", "kotlin.",
    ];

    private static readonly string[] TestDirectories =
    [
        "tests", "test", "e2e", "__tests__", "spec", "specs", "pages", "page-objects", "pageobjects", "page_objects",
        "cypress", "playwright", "integration", "features", "steps", "step_definitions", "ui-tests", "uitests",
    ];

    /// <summary>Reads a frame from one line; false when the line is no frame.</summary>
    public static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StackFrame? frame)
    {
        frame = null;
        if (line.Length > 2000)
        {
            return false;
        }

        var trimmed = line.Trim();
        Match m;
        if (trimmed.StartsWith("at ", StringComparison.Ordinal))
        {
            if ((m = DotNetFrame().Match(trimmed)).Success)
            {
                frame = new StackFrame(CleanPath(m.Groups["file"].Value), Int(m.Groups["line"].Value), null, m.Groups["fn"].Value);
                return true;
            }

            if ((m = JavaFrame().Match(trimmed)).Success)
            {
                var fn = m.Groups["fn"].Value;
                var file = m.Groups["file"].Value;
                var dots = fn.Split('.');
                if (dots.Length > 2)
                {
                    // com.acme.LoginTest.signsIn → com/acme/LoginTest.java: findable by suffix in the repository.
                    file = string.Join('/', dots[..^2]) + "/" + file;
                }

                frame = new StackFrame(file, Int(m.Groups["line"].Value), null, fn);
                return true;
            }

            if ((m = JsFrame().Match(trimmed)).Success)
            {
                var fn = m.Groups["fn"].Success ? m.Groups["fn"].Value : null;
                frame = new StackFrame(CleanPath(m.Groups["file"].Value), Int(m.Groups["line"].Value), Int(m.Groups["col"].Value), fn);
                return true;
            }

            if ((m = DotNetFrameWithoutSource().Match(trimmed)).Success)
            {
                // No PDB: a method but no file (Selenium, the BCL); it can name the action, never the location.
                frame = new StackFrame(string.Empty, 0, null, m.Groups["fn"].Value);
                return true;
            }

            return false;
        }

        if ((m = PythonFrame().Match(trimmed)).Success)
        {
            frame = new StackFrame(m.Groups["file"].Value, Int(m.Groups["line"].Value), null, m.Groups["fn"].Success ? m.Groups["fn"].Value : null);
            return true;
        }

        if ((m = PytestFrame().Match(trimmed)).Success)
        {
            frame = new StackFrame(m.Groups["file"].Value, Int(m.Groups["line"].Value), null, m.Groups["fn"].Success ? m.Groups["fn"].Value : null);
            return true;
        }

        return false;
    }

    /// <summary>True for frames in the runner, the browser driver, the standard library or installed packages.</summary>
    public bool IsFramework
    {
        get
        {
            var path = File.Replace('\\', '/');
            if (FrameworkPathMarkers.Any(marker => path.Contains(marker, StringComparison.Ordinal))
                || path.StartsWith("internal/", StringComparison.Ordinal))
            {
                return true;
            }

            // A framework namespace decides unless the file itself is named like a test (a framework's own tests).
            return Function is { } fn && FrameworkFunctionPrefixes.Any(p => fn.StartsWith(p, StringComparison.Ordinal))
                && !TestFileName().IsMatch(path[(path.LastIndexOf('/') + 1)..]);
        }
    }

    /// <summary>True when the file is a test or a page object by its name or folder.</summary>
    public bool IsTestCode => !IsFramework && IsTestPath(File);

    /// <summary>True for <c>*.spec.*</c>, <c>*.test.*</c>, <c>*.cy.*</c>, files under test or page-object folders,
    /// <c>*Tests.cs</c>/<c>*Test.cs</c>/<c>*Page.cs</c>, <c>test_*.py</c>/<c>*_test.py</c>/<c>conftest.py</c>, <c>*Test.java</c>.</summary>
    public static bool IsTestPath(string path)
    {
        var p = path.Replace('\\', '/');
        var slash = p.LastIndexOf('/');
        var name = p[(slash + 1)..];
        if (TestFileName().IsMatch(name))
        {
            return true;
        }

        if (slash < 0)
        {
            return false;
        }

        var segments = p[..slash].Split('/');
        if (segments.Any(s => BuildDirectories.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (TestDirectories.Contains(segment, StringComparer.OrdinalIgnoreCase)
                || segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith("Tests", StringComparison.Ordinal)
                || segment.EndsWith(".E2E", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith("E2ETests", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Picks the failing call: the first frame in a test or page-object file; null when there is none.</summary>
    public static StackFrame? FirstTestFrame(IEnumerable<StackFrame> frames) => frames.FirstOrDefault(f => f.IsTestCode);

    private static string CleanPath(string path)
    {
        var p = path.Trim();
        if (p.StartsWith("file://", StringComparison.Ordinal))
        {
            p = p["file://".Length..];
            if (p.Length > 2 && p[0] == '/' && p[2] == ':')
            {
                p = p[1..]; // file:///C:/…
            }
        }

        var webpack = WebpackPrefix().Match(p);
        if (webpack.Success)
        {
            p = p[webpack.Length..];
        }

        return p;
    }

    private static int Int(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex("""^at (?<fn>\S.*?) in (?<file>.+?):(?:line )?(?<line>\d+)\s*$""")]
    private static partial Regex DotNetFrame();

    [GeneratedRegex("""^at (?<fn>[\w.`<>\[\],]+\([^()]*\))\s*$""")]
    private static partial Regex DotNetFrameWithoutSource();

    [GeneratedRegex("""^at (?<fn>[\w$.<>/-]+)\((?<file>[\w$-]+\.(?:java|kt|scala|groovy)):(?<line>\d+)\)\s*$""")]
    private static partial Regex JavaFrame();

    [GeneratedRegex("""^at (?:(?:async )?(?<fn>[^()]*?) \()?(?:async )?(?<file>[^()\s][^()]*?):(?<line>\d+):(?<col>\d+)\)?\s*$""")]
    private static partial Regex JsFrame();

    [GeneratedRegex("""^File "(?<file>[^"]+)", line (?<line>\d+)(?:, in (?<fn>.+))?$""")]
    private static partial Regex PythonFrame();

    [GeneratedRegex("""^(?<file>[^\s:"'<>|]+\.py):(?<line>\d+):(?: in (?<fn>\S+)| \w+)?\s*$""")]
    private static partial Regex PytestFrame();

    [GeneratedRegex("""(?:\.(?:spec|test|cy|e2e)\.[cm]?[jt]sx?$)|(?:(?:Tests?|Page|Steps|Specs?|PageObject)\.(?:cs|java|kt)$)|(?:IT\.java$)|(?:^test_.*\.py$)|(?:_test\.py$)|(?:^conftest\.py$)|(?:^tests?\.py$)|(?:_page\.py$)""")]
    private static partial Regex TestFileName();

    [GeneratedRegex("""^webpack://(?:/|[^/]+/)?(?:\./)?""")]
    private static partial Regex WebpackPrefix();
}
