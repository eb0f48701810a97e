using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit.Abstractions;

namespace Praxi.Hosts.Tests;

/// <summary>Generated malformed bodies and zip-slip names: every one refused with a 4xx problem+json, nothing written.</summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private static readonly string ValidText = Payloads.WithArtifact("hostile-run", "trace.zip", [1, 2, 3, 4, 5]);
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(ValidText);

    private static readonly string[] Fields = ["run_id", "repository", "commit_sha", "branch", "workflow", "job", "conclusion", "logs", "artifacts", "logs.name", "logs.content", "logs.encoding", "artifacts.encoding"];

    private static readonly string[] WrongValues = ["1", "true", "false", "{}", "[1]", "123456789012345678901234567890", "1e999999", "-1.5e-400", "[\"a\"]", "{\"a\":{\"b\":[]}}"];

    private static readonly string[] InvalidUtf8 = ["\xFF", "\xC0\x80", "\x80", "\xED\xA0\x80", "\xF8\x88\x80\x80\x80", "\xE2\x82", "\xF4\x90\x80\x80"];

    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "application/json; charset=utf-16", "", "text/json", "application/x-www-form-urlencoded", "application/octet-stream", "application/json; charset=iso-8859-1"];

    public static readonly string[] ZipSlipNames =
    [
        "../x.log", "../../x.log", "a/../../x.log", "a/../x.log", "..", ".", "./x.log", "a/./x.log",
        "/etc/passwd", "/x.log", "~/x.log", "C:\\Windows\\x.log", "C:x.log", "c:/x.log", "\\\\?\\C:\\x.log", "\\\\server\\share\\x.log",
        "\\x.log", "a\\..\\..\\x.log", "..\\x.log", "%2e%2e/x.log", "%2E%2E/x.log", "..%2fx.log", "..%2Fx.log", "%2e%2e%2fx.log",
        "a/%2e%2e/%2e%2e/x.log", "..%5cx.log", "%252e%252e/x.log", "x%00.log", "x\u0000.log", "\u0000", "a/\u0000/x.log", "x\n.log",
        "CON", "con.log", "NUL", "nul.txt", "COM1", "com1.log", "LPT9.txt", "AUX", "PRN.log", "a/aux.txt", "CLOCK$",
        "x.log.", "x.log ", " x.log", "a/ /x.log", "a//x.log", "a/", "/", "", "x:stream.log", "a|b.log", "a*b.log", "a?.log", "a<b>.log",
        "a\"b.log", new string('a', 256), string.Join('/', Enumerable.Repeat(new string('b', 200), 6)), LoneSurrogate,
    ];

    /// <summary>Stands for the escape <c>\ud800</c> written into the JSON text (a serializer would replace it).</summary>
    private const string LoneSurrogate = "LONE-SURROGATE";

    private sealed record Case(string Kind, string ContentType, byte[] Body);

    [Fact]
    public async Task ProcessLogs_GeneratedMalformedBodies_AreAll4xxProblemsAndWriteNothing()
    {
        using var temp = TempFolder.Create("hostile");
        var sandbox = temp.Path;
        await using var server = await DeveloperAgentServer.StartAtAsync(Path.Combine(sandbox, "d1", "d2", "d3", "store"));
        var statuses = new ConcurrentDictionary<int, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentBag<string>();
        var count = 0;

        await Gen.OneOf(Truncated(), WrongType(), Missing(), Extra(), Deep(), BadUtf8(), Nul(), HugeNumber(), Empty(), WrongContentType(), BadBase64(), BadRunId(), NotAnObject())
            .SampleAsync(
                async c =>
                {
                    Interlocked.Increment(ref count);
                    kinds.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs") { Content = new ByteArrayContent(c.Body) };
                    if (c.ContentType.Length > 0)
                    {
                        request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
                    }

                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
                    using var response = await server.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                    var text = await response.Content.ReadAsStringAsync();
                    if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || text.Contains("   at ", StringComparison.Ordinal))
                    {
                        failures.Add($"{c.Kind}: {status} {text[..Math.Min(200, text.Length)]}");
                    }
                },
                iter: 1200,
                threads: 2);

        output.WriteLine($"{count} bodies; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"kinds: {string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}×{k.Value}"))}");
        failures.Should().BeEmpty();
        count.Should().BeGreaterThanOrEqualTo(1000);
        kinds.Keys.Should().HaveCount(13, "every kind of malformed body was generated");
        statuses.Keys.Should().OnlyContain(s => s == 400 || s == 415);
        Directory.EnumerateFiles(sandbox, "*", SearchOption.AllDirectories).Should().BeEmpty("no file is written for a refused request, inside logs/ or out of it");
        Directory.Delete(sandbox, recursive: true);
    }

    [Fact]
    public async Task ProcessLogs_TenThousandDeepNesting_Is400()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        var deep = "{\"run_id\":\"r\",\"logs\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        using var response = await server.PostAsync(deep);

        var problem = await DeveloperAgentTests.ShouldBeProblem(response, 400);
        problem.GetProperty("details")[0].GetProperty("problem").GetString().Should().Contain("deeper");
    }

    [Fact]
    public async Task ProcessLogs_ZipSlipNames_AreAllRefusedAsLogsAndAsArtifacts()
    {
        using var temp = TempFolder.Create("zipslip");
        var sandbox = temp.Path;
        await using var server = await DeveloperAgentServer.StartAtAsync(Path.Combine(sandbox, "d1", "d2", "store"));
        var refused = 0;
        var accepted = new List<string>();
        var run = 0;
        foreach (var name in ZipSlipNames)
        {
            foreach (var asArtifact in new[] { false, true })
            {
                var file = new JsonObject { ["name"] = name, ["content"] = "x" };
                var body = new JsonObject
                {
                    ["run_id"] = $"zip-slip-{run++}",
                    ["logs"] = asArtifact ? new JsonArray(new JsonObject { ["name"] = "playwright.log", ["content"] = Payloads.PlaywrightLog }) : new JsonArray(file),
                };
                if (asArtifact)
                {
                    body["artifacts"] = new JsonArray(file);
                }

                using var response = await server.PostAsync(body.ToJsonString().Replace(LoneSurrogate, "\\ud800.log", StringComparison.Ordinal));
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode == 400 && (text.Contains(asArtifact ? "\"artifacts[0].name\"" : "\"logs[0].name\"", StringComparison.Ordinal) || text.Contains("\"field\":\"$\"", StringComparison.Ordinal)))
                {
                    refused++;
                }
                else
                {
                    accepted.Add($"{(asArtifact ? "artifact" : "log")} '{name}': {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"zip-slip names refused: {refused} of {ZipSlipNames.Length * 2}");
        accepted.Should().BeEmpty(string.Join("; ", accepted));
        Directory.EnumerateFiles(sandbox, "*", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.Delete(sandbox, recursive: true);
    }

    private static Gen<Case> Truncated() =>
        Gen.Int[0, Valid.Length - 1].Select(n => new Case("truncated", "application/json", Valid[..n]));

    private static Gen<Case> WrongType() =>
        Gen.Select(Gen.Int[0, Fields.Length - 1], Gen.Int[0, WrongValues.Length - 1], (f, v) =>
        {
            var root = JsonNode.Parse(ValidText)!.AsObject();
            var field = Fields[f];
            var value = JsonNode.Parse(WrongValues[v]);
            if (field.Contains('.', StringComparison.Ordinal))
            {
                var parts = field.Split('.');
                root[parts[0]]![0]![parts[1]] = value;
            }
            else
            {
                root[field] = value;
            }

            return new Case("wrong_type", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> Missing() =>
        Gen.Int[0, 4].Select(i =>
        {
            var root = JsonNode.Parse(ValidText)!.AsObject();
            switch (i)
            {
                case 0: root.Remove("run_id"); break;
                case 1: root.Remove("logs"); break;
                case 2: root["logs"]![0]!.AsObject().Remove("name"); break;
                case 3: root["logs"]![0]!.AsObject().Remove("content"); break;
                default: root["artifacts"]![0]!.AsObject().Remove("content"); break;
            }

            return new Case("missing", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> Extra() =>
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Bool, Gen.String, (n, nested, value) =>
        {
            var root = JsonNode.Parse(ValidText)!.AsObject();
            var target = nested ? root["logs"]![0]!.AsObject() : root;
            target["x_" + n] = value;
            return new Case("extra_field", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> Deep() =>
        Gen.Select(Gen.Int[17, 10_000], Gen.Bool, (depth, objects) =>
        {
            var text = objects
                ? "{\"run_id\":\"r\",\"logs\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}"
                : new string('[', depth) + new string(']', depth);
            return new Case("deep", "application/json", Encoding.UTF8.GetBytes(text));
        });

    private static Gen<Case> BadUtf8() =>
        Gen.Select(Gen.Int[0, ValidText.IndexOf("\"content\"", StringComparison.Ordinal)], Gen.Int[0, InvalidUtf8.Length - 1], (at, i) =>
        {
            var bad = InvalidUtf8[i].Select(c => (byte)c).ToArray();
            var start = ValidText.IndexOf("\"content\":\"", StringComparison.Ordinal) + 11;
            var position = at % 2 == 0 ? start + (at % 20) : at;
            return new Case("invalid_utf8", "application/json", [.. Valid[..position], .. bad, .. Valid[position..]]);
        });

    private static Gen<Case> Nul() =>
        Gen.Select(Gen.Int[0, Valid.Length], Gen.Int[0, 3], (at, mode) =>
        {
            if (mode == 0)
            {
                return new Case("nul", "application/json", [.. Valid[..at], 0, .. Valid[at..]]);
            }

            var root = JsonNode.Parse(ValidText)!.AsObject();
            switch (mode)
            {
                case 1: root["run_id"] = "run\0id"; break;
                case 2: root["logs"]![0]!["name"] = "play\0wright.log"; break;
                default: root["repository"] = "owner/\0name"; break;
            }

            return new Case("nul", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> HugeNumber() =>
        Gen.Select(Gen.Int[1, 100_000], Gen.Int[0, Fields.Length - 1], (digits, f) =>
        {
            var number = "9" + new string('9', digits % 5000) + "e" + digits;
            var text = f % 3 == 0 ? number : ValidText.Replace("\"hostile-run\"", number, StringComparison.Ordinal);
            return new Case("huge_number", "application/json", Encoding.UTF8.GetBytes(text));
        });

    private static Gen<Case> Empty() =>
        Gen.Int[0, 4].Select(i => new Case("empty", "application/json", Encoding.UTF8.GetBytes(i switch { 0 => "", 1 => " ", 2 => "\r\n\t", 3 => "null", _ => "\"\"" })));

    private static Gen<Case> WrongContentType() =>
        Gen.Int[0, WrongContentTypes.Length - 1].Select(i => new Case("wrong_content_type", WrongContentTypes[i], Valid));

    private static Gen<Case> BadBase64() =>
        Gen.String.Select(s =>
        {
            var root = JsonNode.Parse(ValidText)!.AsObject();
            root["artifacts"]![0]!["content"] = "@" + s + "=";
            return new Case("bad_base64", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> BadRunId() =>
        Gen.Select(Gen.Int[0, 6], Gen.String, (i, s) =>
        {
            var root = JsonNode.Parse(ValidText)!.AsObject();
            root["run_id"] = i switch
            {
                0 => "../" + s,
                1 => "." + s,
                2 => "-" + s,
                3 => "a/" + s,
                4 => "a b" + s,
                5 => new string('a', 129) + s,
                _ => "",
            };
            return new Case("bad_run_id", "application/json", Encoding.UTF8.GetBytes(root.ToJsonString()));
        });

    private static Gen<Case> NotAnObject() =>
        Gen.Int[0, 5].Select(i => new Case("not_an_object", "application/json", Encoding.UTF8.GetBytes(i switch
        {
            0 => "[]",
            1 => "[" + ValidText + "]",
            2 => "42",
            3 => "true",
            4 => ValidText + ValidText,
            _ => "{\"run_id\":\"r\",\"run_id\":\"r\",\"logs\":[]}",
        })));
}
