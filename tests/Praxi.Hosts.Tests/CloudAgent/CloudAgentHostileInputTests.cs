using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit.Abstractions;

namespace Praxi.Hosts.Tests.CloudAgent;

/// <summary>
/// Generated malformed bodies against a running CloudAgent whose upstream counts what reaches it: every one must get a
/// 4xx problem+json, none a 5xx, and none may be forwarded.
/// </summary>
public sealed class CloudAgentHostileInputTests(ITestOutputHelper output)
{
    private const int Samples = 1_200;

    /// <summary>One hostile request: what kind of damage, the bytes, the content type.</summary>
    public sealed record Hostile(string Kind, byte[] Body, string ContentType)
    {
        public override string ToString() => $"{Kind}: {Body.Length} bytes as {ContentType}: {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 600)))}";
    }

    private static readonly byte[] Valid = SamplePayloads.Run("hostile-base-1");

    private static Gen<Hostile> Json(string kind, Gen<Action<JsonObject>> mutate) =>
        mutate.Select(m =>
        {
            var node = JsonNode.Parse(Valid)!.AsObject();
            m(node);
            return new Hostile(kind, Encoding.UTF8.GetBytes(node.ToJsonString()), "application/json");
        });

    private static JsonObject Log(JsonObject root) => root["logs"]!.AsArray()[0]!.AsObject();

    private static readonly Gen<JsonNode?> WrongValue = Gen.OneOf<Func<JsonNode?>>(
        () => JsonValue.Create(42), () => JsonValue.Create(true), () => new JsonObject(),
        () => JsonValue.Create(-1.5e300), () => new JsonArray(JsonValue.Create("x"))).Select(f => f());

    private static readonly string[] TopFields = ["run_id", "repository", "commit_sha", "branch", "workflow", "job", "conclusion", "logs", "artifacts"];

    private static readonly string[] BadNames =
    [
        "../escape.log", "..\\escape.log", "/etc/passwd", "C:\\Windows\\win.ini", "c:/x.log", "\\\\?\\C:\\x", "\\\\server\\share\\x",
        "a/../../b.log", "%2e%2e/x.log", "%2E%2E%2Fx", "..%2fx", "logs/\u0000.log", "a\u0001b.log", "CON", "nul.txt", "com1.log",
        "", " ", ".", "..", "a//b", "a/./b", new string('a', 300), string.Join('/', Enumerable.Repeat("d", 600)), "x:stream", "trailing.",
    ];

    private static readonly string[] BadRunIds = ["", " ", "../x", "a/b", "a b", "-starts-with-dash", ".hidden", new string('1', 129), "a\u0000b", "ünïcode", "a\\b", "%2e%2e", "run1\n"];

    private static readonly Gen<Hostile> Truncated =
        Gen.Int[0, Valid.Length - 1].Select(n => new Hostile("truncated", Valid[..n], "application/json"));

    private static readonly Gen<Hostile> WrongTypes = Json("wrong type", Gen.Select(Gen.OneOf(TopFields.Concat(["name", "content", "encoding"]).ToArray()), WrongValue, (field, value) => (Action<JsonObject>)(root =>
    {
        if (field is "name" or "content" or "encoding")
        {
            Log(root)[field] = value?.DeepClone();
        }
        else
        {
            root[field] = value?.DeepClone();
        }
    })));

    private static readonly Gen<Hostile> Missing = Json("missing field", Gen.OneOf<Action<JsonObject>>(
        r => r.Remove("run_id"), r => r.Remove("logs"), r => Log(r).Remove("name"), r => Log(r).Remove("content"),
        r => { r.Remove("run_id"); r.Remove("logs"); }, r => r.Clear()));

    private static readonly Gen<Hostile> Extra = Json("extra field", Gen.Select(Gen.Int[0, 9999], Gen.Bool, (n, nested) => (Action<JsonObject>)(r =>
    {
        if (nested)
        {
            Log(r)["extra_" + n] = n;
        }
        else
        {
            r["unexpected_" + n] = "x";
        }
    })));

    private static readonly Gen<Hostile> Deep = Gen.OneOf(Gen.Int[17, 2_000], Gen.Const(10_000)).Select(depth =>
        new Hostile("deep nesting " + depth, Encoding.ASCII.GetBytes("{\"run_id\":\"d-1\",\"logs\":" + new string('[', depth) + new string(']', depth) + "}"), "application/json"));

    private static readonly Gen<Hostile> InvalidUtf8 = Gen.Select(Gen.OneOf(new byte[] { 0xFF }, [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]), Gen.Int[1, 50], (bad, at) =>
    {
        var text = Encoding.UTF8.GetBytes("{\"run_id\":\"u-1\",\"logs\":[{\"name\":\"a.log\",\"content\":\"" + new string('x', at) + "\"}]}");
        var position = text.Length - 5;
        return new Hostile("invalid UTF-8", [.. text[..position], .. bad, .. text[position..]], "application/json");
    });

    private static readonly Gen<Hostile> Nul = Gen.OneOf(
        new Hostile("raw NUL in a string", Encoding.UTF8.GetBytes("{\"run_id\":\"n-1\",\"logs\":[{\"name\":\"a.log\",\"content\":\"a\0b\"}]}"), "application/json"),
        new Hostile("raw NUL outside strings", Encoding.UTF8.GetBytes("{\0\"run_id\":\"n-1\",\"logs\":[]}"), "application/json"),
        new Hostile("NUL bytes only", new byte[64], "application/json"),
        new Hostile("escaped NUL in a name", Encoding.UTF8.GetBytes("{\"run_id\":\"n-1\",\"logs\":[{\"name\":\"a\\u0000.log\",\"content\":\"x\"}]}"), "application/json"));

    private static readonly Gen<Hostile> HugeNumbers = Gen.OneOf("1e999999", "-1e999999", new string('9', 5000), "1.7976931348623157e309", "0x10", "NaN", "Infinity")
        .Select(n => new Hostile("huge number", Encoding.ASCII.GetBytes("{\"run_id\":" + n + ",\"logs\":[]}"), "application/json"));

    private static readonly Gen<Hostile> Empty = Gen.OneOf("", " ", "\n", "null", "[]", "{}", "\"\"", "0", "true").Select(s => new Hostile("empty or bare", Encoding.ASCII.GetBytes(s), "application/json"));

    private static readonly Gen<Hostile> WrongContentType = Gen.OneOf("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
        "application/json; charset=utf-16", "application/jsonx", "text/json; charset=latin1", "application/octet-stream")
        .Select(type => new Hostile("wrong content type", Valid, type));

    private static readonly Gen<Hostile> Traversal = Json("unsafe name", Gen.Select(Gen.OneOf(BadNames), Gen.Bool, (name, artifact) => (Action<JsonObject>)(r =>
    {
        if (artifact)
        {
            r["artifacts"]!.AsArray()[0]!["name"] = name;
        }
        else
        {
            Log(r)["name"] = name;
        }
    })));

    private static readonly Gen<Hostile> RunIds = Json("bad run_id", Gen.OneOf(BadRunIds).Select(id => (Action<JsonObject>)(r => r["run_id"] = id)));

    private static readonly Gen<Hostile> Base64 = Json("bad base64", Gen.OneOf("not base64!", "QUJD=", "====", "QQ", "\u00e9\u00e9").Select(b => (Action<JsonObject>)(r => r["artifacts"]!.AsArray()[0]!["content"] = b)));

    private static readonly Gen<Hostile> BadEncoding = Json("unknown encoding", Gen.OneOf("utf-16", "latin1", "gzip", "", "base32").Select(e => (Action<JsonObject>)(r => Log(r)["encoding"] = e)));

    private static readonly Gen<Hostile> Duplicates = Gen.OneOf(
        new Hostile("duplicate key", Encoding.UTF8.GetBytes("{\"run_id\":\"a-1\",\"run_id\":\"a-2\",\"logs\":[]}"), "application/json"),
        new Hostile("duplicate name", Encoding.UTF8.GetBytes("{\"run_id\":\"a-1\",\"logs\":[{\"name\":\"a.log\",\"content\":\"x\"},{\"name\":\"a.log\",\"content\":\"y\"}]}"), "application/json"));

    private static readonly Gen<Hostile> Garbage = Gen.Byte.Array[1, 512].Select(bytes => new Hostile("random bytes", bytes, "application/json"));

    private static readonly Gen<Hostile> AnyHostile = Gen.Frequency(
        (3, Truncated), (3, WrongTypes), (2, Missing), (2, Extra), (1, Deep), (2, InvalidUtf8), (1, Nul), (1, HugeNumbers), (1, Empty),
        (1, WrongContentType), (3, Traversal), (1, RunIds), (1, Base64), (1, BadEncoding), (1, Duplicates), (2, Garbage));

    [Fact]
    public async Task Post_GeneratedMalformedBodies_AllGet4xxProblemJsonAndNoneIsForwarded()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);
        var statuses = new ConcurrentDictionary<int, int>();
        var kinds = new ConcurrentDictionary<string, int>();

        await AnyHostile.SampleAsync(async hostile =>
        {
            using var response = await agent.PostAsync(hostile.Body, contentType: hostile.ContentType);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            kinds.AddOrUpdate(hostile.Kind.Split(' ')[0], 1, (_, n) => n + 1);
            status.Should().BeInRange(400, 499, hostile.ToString());
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", hostile.ToString());
            using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            var root = problem.RootElement;
            foreach (var member in new[] { "type", "title", "status", "detail" })
            {
                root.TryGetProperty(member, out _).Should().BeTrue($"{member} is in every problem ({hostile})");
            }

            var text = root.GetRawText();
            text.Should().NotContain("   at ", "no stack trace");
            if (status == 400)
            {
                root.GetProperty("error").GetString().Should().Be("invalid_payload", hostile.ToString());
                root.GetProperty("details").GetArrayLength().Should().BePositive(hostile.ToString());
            }
        }, iter: Samples, threads: 2);

        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}");
        output.WriteLine($"kinds: {string.Join(", ", kinds.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}; forwarded: {upstream.Requests.Count}");

        statuses.Values.Sum().Should().BeGreaterThanOrEqualTo(1_000);
        statuses.Keys.Should().OnlyContain(s => s >= 400 && s < 500, string.Join(", ", statuses.Select(kv => $"{kv.Key}: {kv.Value}")));
        kinds.Keys.Should().HaveCountGreaterThanOrEqualTo(12, "every kind of damage was generated");
        upstream.Requests.Should().BeEmpty("nothing malformed is forwarded");
    }

    [Fact]
    public async Task Post_TenThousandDeepNesting_Answers400NestedTooDeep()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("nested deeper than");
        upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SeveralProblems_ListsEveryOneByField()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync("""{"run_id":"../x","logs":[{"name":"../a.log","content":"x"}],"surprise":1}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        fields.Should().Contain("run_id").And.Contain(f => f!.StartsWith("logs[0]", StringComparison.Ordinal)).And.Contain(f => f!.Contains("surprise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_BodyOverTheCap_Answers413WithoutForwarding()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress, new Dictionary<string, string?> { ["Limits:MaxBodyBytes"] = "1000" });

        using var response = await agent.PostAsync(SamplePayloads.Run("too-big", new string('x', 2_000)));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        upstream.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\tkey")]
    public async Task Post_MalformedIdempotencyKey_Answers400(string key)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var agent = await CloudAgentHost.StartAsync(upstream.BaseAddress);

        using var response = await agent.PostAsync(SamplePayloads.Run("bad-key"), idempotencyKey: key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Idempotency-Key");
        upstream.Requests.Should().BeEmpty();
    }
}
