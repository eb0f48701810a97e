using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Praxi.FixEngine.Tests.Classification;

/// <summary>
/// Wraps each log of a labelled folder in the noise of a real CI log: install output, deprecation
/// warnings, web-server access lines, passing tests whose titles say "login", "500" or "times out",
/// GitHub Actions timestamps and ANSI colour.
/// </summary>
internal static class NoisyLogs
{
    private static readonly string[] Preamble =
    [
        "##[group]Run actions/checkout@v4", "Syncing repository: acme/shop", "##[endgroup]", "##[group]Run npm ci",
        "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.",
        "npm WARN deprecated request@2.88.2: request has been deprecated",
        "added 412 packages, and audited 413 packages in 11s", "found 0 vulnerabilities", "##[endgroup]",
        "  Determining projects to restore...", "  Restored /home/runner/work/shop/src/Shop.csproj (in 2.31 sec).",
        "/home/runner/work/shop/src/Order.cs(12,23): warning CS8618: Non-nullable property 'Customer' must contain a non-null value.",
        "(node:2345) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.",
        "Run npx playwright test", string.Empty, "Running 24 tests using 2 workers", string.Empty,
    ];

    private static readonly string[] Passing =
    [
        "  ✓  {0} [chromium] › auth.spec.ts:{1}:3 › login redirects to dashboard (1.2s)",
        "  ✓  {0} [chromium] › errors.spec.ts:{1}:3 › shows a friendly page on 500 (0.8s)",
        "  ✓  {0} [chromium] › search.spec.ts:{1}:3 › search times out gracefully when the API is slow (2.1s)",
        "  ✓  {0} [chromium] › login.spec.ts:{1}:5 › shows an error for a wrong password (0.4s)",
        "[WebServer] GET /api/products 200 12.345 ms - 512",
        "[WebServer] GET /static/app.js 304 1.2 ms - -",
        "info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://localhost:5000/login - 200 - text/html 3.2ms",
        "tests/test_checkout.py::test_checkout_times_out_gracefully PASSED                [ 40%]",
        "  ✓ returns 500 when the payment API fails (5 ms)",
        "  ✓ retries on ECONNRESET (12 ms)",
    ];

    private static readonly string[] Footer = [string.Empty, "  1 failed", "  23 passed (1.4m)", "##[error]Process completed with exit code 1.", "Post job cleanup."];

    public static string Embed(string source, string target, int seed)
    {
        var random = new Random(seed);
        foreach (var file in Directory.EnumerateFiles(source, "*.log"))
        {
            var lines = new List<string>(Preamble);
            AddPassing(lines, random, random.Next(40, 200));
            var colour = random.Next(2) == 0;
            lines.AddRange(File.ReadAllLines(file).Select(l => colour && random.Next(3) == 0 ? $"\u001b[31m{l}\u001b[39m" : l));
            AddPassing(lines, random, random.Next(0, 30));
            lines.AddRange(Footer);
            var start = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
            var sb = new StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                sb.Append(start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z' ", CultureInfo.InvariantCulture)).Append(lines[i]).Append('\n');
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), sb.ToString());
        }

        File.Copy(Path.Combine(source, "labels.json"), Path.Combine(target, "labels.json"));
        _ = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "labels.json")));
        return target;
    }

    private static void AddPassing(List<string> lines, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, Passing[random.Next(Passing.Length)], i + 1, random.Next(3, 99)));
        }
    }
}
