using System.Text.Json;
using System.Text.Json.Nodes;

namespace Praxi.Hosts.Tests;

internal static class Payloads
{
    public const string PlaywrightLog = """
          1) [chromium] › e2e/login.spec.ts:12:26 › signs in

            TimeoutError: locator.click: Timeout 30000ms exceeded.
            Call log:
              - waiting for locator('#login-btn')

        """;

    public static string Run(string runId, params (string Name, string Content)[] logs) =>
        new JsonObject
        {
            ["run_id"] = runId,
            ["repository"] = "owner/name",
            ["conclusion"] = "failure",
            ["logs"] = new JsonArray([.. (logs.Length == 0 ? [("playwright.log", PlaywrightLog)] : logs)
                .Select(l => (JsonNode)new JsonObject { ["name"] = l.Name, ["content"] = l.Content })]),
        }.ToJsonString();

    public static string WithArtifact(string runId, string name, byte[] bytes) =>
        new JsonObject
        {
            ["run_id"] = runId,
            ["logs"] = new JsonArray(new JsonObject { ["name"] = "playwright.log", ["content"] = PlaywrightLog }),
            ["artifacts"] = new JsonArray(new JsonObject { ["name"] = name, ["content"] = Convert.ToBase64String(bytes), ["encoding"] = "base64" }),
        }.ToJsonString();

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
