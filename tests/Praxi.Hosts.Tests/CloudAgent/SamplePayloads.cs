using System.Text;
using System.Text.Json;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>Valid run bodies written for these tests: a failed Playwright run with one log and one binary artifact.</summary>
internal static class SamplePayloads
{
    public const string PlaywrightLog = """
        Running 3 tests using 1 worker

          ✘  1 [chromium] › e2e/login.spec.ts:12:26 › login › signs in (30.1s)

          1) [chromium] › e2e/login.spec.ts:12:26 › login › signs in ──────────────────

            TimeoutError: locator.click: Timeout 30000ms exceeded.
            Call log:
              - waiting for locator('#login-btn')

              10 |   test('signs in', async ({ page }) => {
              11 |     await page.goto('/login');
            > 12 |     await page.locator('#login-btn').click();
                 |                          ^

          1 failed
            [chromium] › e2e/login.spec.ts:12:26 › login › signs in
          2 passed (41.2s)
        """;

    public static byte[] Run(string runId, string log = PlaywrightLog) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["run_id"] = runId,
        ["repository"] = "acme/shop",
        ["commit_sha"] = "0123456789abcdef0123456789abcdef01234567",
        ["branch"] = "main",
        ["workflow"] = "agent-engine",
        ["job"] = "e2e-tests",
        ["conclusion"] = "failure",
        ["logs"] = new[] { new Dictionary<string, string> { ["name"] = "playwright.log", ["content"] = log, ["encoding"] = "utf-8" } },
        ["artifacts"] = new[]
        {
            new Dictionary<string, string>
            {
                ["name"] = "test-results/login-signs-in/screenshot.png",
                ["content"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("\u0089PNG fake bytes")),
                ["encoding"] = "base64",
            },
        },
    });
}
