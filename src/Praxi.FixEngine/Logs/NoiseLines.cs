namespace Praxi.FixEngine.Logs;

/// <summary>
/// Lines that never count as evidence: passing-test lines, test titles and headers (a title that says
/// "times out" or "500" is not an error), warnings, CI step markers.
/// </summary>
internal static class NoiseLines
{
    /// <summary>
    /// Noise, or browser console output that is not about the app under test (<see cref="BrowserConsole"/>): a line
    /// that is never a failure's evidence nor part of what the judge reads.
    /// </summary>
    public static bool IsNoiseOrContext(string text) => IsNoise(text) || BrowserConsole.IsContext(text);

    public static bool IsNoise(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.StartsWith("[xUnit.net ", StringComparison.Ordinal) && t.IndexOf(']') is > 0 and var close)
        {
            // The xunit console runner's prefix ("[xUnit.net 00:00:15.83]     - /url: /login"): judge what follows.
            t = t[(close + 1)..].TrimStart();
        }

        if (t.IsEmpty)
        {
            return true;
        }

        switch (t[0])
        {
            case '✓' or '✔' or '√' or '✅' or '○' or '◯' or '⏭':
                return true;
            case '✘' or '✕' or '×' or '✗' or '❌' or '●' or '✖':
                // A failing test's title line ("✘ 3 [chromium] › a.spec.ts:3:1 › times out (2.1s)"), not its error.
                return true;
        }

        if (t.Contains(" › ", StringComparison.Ordinal) || t.Contains(" > ", StringComparison.Ordinal) && t.EndsWith("───", StringComparison.Ordinal))
        {
            return true;
        }

        if (t.StartsWith("ok ", StringComparison.Ordinal) || t.StartsWith("PASS ", StringComparison.Ordinal) || t.StartsWith("PASSED", StringComparison.Ordinal)
            || t.EndsWith(" PASSED", StringComparison.Ordinal) || t.Contains(" PASSED [", StringComparison.Ordinal)
            || t.StartsWith("##[group]", StringComparison.Ordinal) || t.StartsWith("##[endgroup]", StringComparison.Ordinal)
            || t.StartsWith("::group::", StringComparison.Ordinal) || t.StartsWith("::endgroup::", StringComparison.Ordinal)
            || t.StartsWith("Passed ", StringComparison.Ordinal) || t.StartsWith("[PASS]", StringComparison.Ordinal))
        {
            return true;
        }

        // Source code quoted in a code frame ("> 22 |   await page.waitForURL(…)") and ARIA page snapshots
        // ("- link \"Sign in\"", "- /url: /login") describe the test and the page, not the error.
        if (IsCodeFrame(t) || IsAriaSnapshotLine(t))
        {
            return true;
        }

        // Warnings and deprecations are not failures, whatever words they carry.
        if (t.StartsWith("npm WARN", StringComparison.OrdinalIgnoreCase) || t.StartsWith("npm warn", StringComparison.Ordinal)
            || t.StartsWith("warning", StringComparison.OrdinalIgnoreCase) || t.StartsWith("WARN", StringComparison.Ordinal)
            || t.StartsWith("##[warning]", StringComparison.Ordinal) || t.StartsWith("::warning", StringComparison.Ordinal)
            || t.Contains(": warning ", StringComparison.OrdinalIgnoreCase) || t.Contains("DeprecationWarning", StringComparison.Ordinal)
            || t.Contains("[DEP0", StringComparison.Ordinal) || t.Contains(" deprecated", StringComparison.OrdinalIgnoreCase) && !t.Contains("error", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Passing lines of xunit/vstest, mocha, go, Maven.
        return t.Contains("[PASS]", StringComparison.Ordinal) || t.StartsWith("--- PASS", StringComparison.Ordinal)
            || t.StartsWith("Tests run:", StringComparison.Ordinal) && t.Contains("Failures: 0", StringComparison.Ordinal);
    }

    private static bool IsCodeFrame(ReadOnlySpan<char> t)
    {
        var i = 0;
        if (t.Length > 0 && t[0] == '>')
        {
            i++;
            while (i < t.Length && t[i] == ' ')
            {
                i++;
            }
        }

        var digits = i;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        if (i > digits)
        {
            return i + 1 < t.Length && t[i] == ' ' && t[i + 1] == '|';
        }

        // The caret line under a code frame: "|     ^".
        return t.Length > 1 && t[0] == '|' && t[1..].Trim().StartsWith("^", StringComparison.Ordinal);
    }

    private static bool IsAriaSnapshotLine(ReadOnlySpan<char> t)
    {
        if (!t.StartsWith("- ", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = t[2..];
        if (rest.StartsWith("/url:", StringComparison.Ordinal) || rest.StartsWith("/placeholder:", StringComparison.Ordinal))
        {
            return true;
        }

        var end = rest.IndexOfAny(' ', ':', '[');
        var role = end < 0 ? rest : rest[..end];
        return AriaRoles.Contains(role.ToString()) && (end < 0 || rest[end] != ' ' || rest[(end + 1)..].StartsWith("\"", StringComparison.Ordinal) || rest[(end + 1)..].StartsWith("[", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> AriaRoles = new(StringComparer.Ordinal)
    {
        "generic", "text", "link", "button", "heading", "textbox", "checkbox", "radio", "combobox", "listbox", "option", "list", "listitem",
        "navigation", "main", "banner", "contentinfo", "region", "form", "img", "table", "row", "cell", "columnheader", "rowheader",
        "paragraph", "dialog", "alert", "status", "group", "separator", "tab", "tablist", "tabpanel", "menu", "menuitem", "searchbox",
        "spinbutton", "slider", "switch", "article", "complementary", "figure", "iframe", "document", "strong", "emphasis", "code", "blockquote",
    };
}
