namespace Praxi.FixEngine.Classification;

/// <summary>
/// Lines that never count as evidence: passing-test lines, test titles and headers (a title that says
/// "times out" or "500" is not an error), warnings, CI step markers.
/// </summary>
internal static class NoiseLines
{
    public static bool IsNoise(string text)
    {
        var t = text.AsSpan().TrimStart();
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
}
