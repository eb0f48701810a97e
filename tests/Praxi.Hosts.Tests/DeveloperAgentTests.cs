using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Praxi.DeveloperAgent;
using Praxi.FixEngine;

namespace Praxi.Hosts.Tests;

public sealed class DeveloperAgentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task ProcessLogs_ValidRun_StoresFilesAnalysisAndMarkerAndAnswersWithAnalysis()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        var trace = RandomNumberGenerator.GetBytes(5000);

        using var response = await server.PostAsync(Payloads.WithArtifact("run-1", "test-results/login/trace.zip", trace));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        text.Should().NotContain(".staging").And.NotContain(server.Root, "the answer names files relative to the run");
        var answer = Payloads.Json(text);
        answer.GetProperty("run_id").GetString().Should().Be("run-1");
        answer.GetProperty("classification").GetProperty("error_type").GetString().Should().Be("selector_not_found");
        var storage = answer.GetProperty("storage");
        storage.GetProperty("files").GetInt32().Should().Be(2);
        storage.GetProperty("bytes").GetInt64().Should().Be(Encoding.UTF8.GetByteCount(Payloads.PlaywrightLog) + trace.Length);
        storage.GetProperty("truncated_lines").GetInt32().Should().Be(0);

        var folder = Path.Combine(server.Logs, "run-1");
        File.ReadAllBytes(Path.Combine(folder, "test-results", "login", "trace.zip")).Should().Equal(trace);
        File.ReadAllText(Path.Combine(folder, "playwright.log")).Should().Be(Payloads.PlaywrightLog);
        Payloads.Json(File.ReadAllText(Path.Combine(folder, "analysis.json"))).GetProperty("run_id").GetString().Should().Be("run-1");
        File.Exists(Path.Combine(folder, FileRunStore.MarkerName)).Should().BeTrue();
        server.AllFiles().Should().Equal(
            "logs/run-1/analysis.json", "logs/run-1/playwright.log", "logs/run-1/run.json", "logs/run-1/test-results/login/trace.zip");
    }

    [Fact]
    public async Task GetRun_StoredRun_ReturnsTheSameAnswerAndUnknownIs404()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var posted = await server.PostAsync(Payloads.Run("run-get"));
        var answer = await posted.Content.ReadAsStringAsync();

        using var get = new HttpRequestMessage(HttpMethod.Get, "/runs/run-get");
        get.Headers.Authorization = new("Bearer", DeveloperAgentServer.Token);
        using var got = await server.Client.SendAsync(get);
        (await got.Content.ReadAsStringAsync()).Should().Be(answer);

        using var missing = new HttpRequestMessage(HttpMethod.Get, "/runs/nope");
        missing.Headers.Authorization = new("Bearer", DeveloperAgentServer.Token);
        using var notFound = await server.Client.SendAsync(missing);
        notFound.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notFound.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        using var anonymous = await server.Client.GetAsync(new Uri("/runs/run-get", UriKind.Relative));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetRun_RunIdWithATrailingNewline_Is400InvalidPayloadLikeAnyInvalidRunId()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var posted = await server.PostAsync(Payloads.Run("run1"));
        posted.StatusCode.Should().Be(HttpStatusCode.OK);

        // "run1\n" passes a pattern ending in $ (it matches before a final newline) but not the contract's \z.
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/runs/run1%0A", UriKind.Relative));
        get.Headers.Authorization = new("Bearer", DeveloperAgentServer.Token);
        using var response = await server.Client.SendAsync(get);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ShouldBeProblem(response, 400);
        problem.GetProperty("error").GetString().Should().Be("invalid_payload");
        problem.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).Should().Equal("run_id");
    }

    public static TheoryData<string?> RefusedAuthorizations() => new()
    {
        null,
        string.Empty,
        "Bearer",
        "Bearer ",
        "Basic ZGV2OmFnZW50",
        "Token " + DeveloperAgentServer.Token,
        "Bearer wrong",
        "Bearer " + new string('x', DeveloperAgentServer.Token.Length),
        "Bearer " + DeveloperAgentServer.Token[..^1] + "X",
        "Bearer " + DeveloperAgentServer.CloudAgentToken,
        "Bearer " + DeveloperAgentServer.Token + "x",
        "Bearer" + DeveloperAgentServer.Token,
    };

    [Theory]
    [MemberData(nameof(RefusedAuthorizations))]
    public async Task ProcessLogs_MissingOrWrongToken_Is401ProblemWithChallengeAndStoresNothing(string? authorization)
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs") { Content = new StringContent(Payloads.Run("run-401"), Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        await ShouldBeProblem(response, 401);
        server.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ProcessLogs_TwoAuthorizationHeaders_Is401()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs") { Content = new StringContent(Payloads.Run("run-2h"), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + DeveloperAgentServer.Token, "Bearer " + DeveloperAgentServer.Token]);

        using var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/jsonx")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task ProcessLogs_NotJson_Is415(string contentType)
    {
        await using var server = await DeveloperAgentServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Run("run-415"), contentType: contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await ShouldBeProblem(response, 415);
        server.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ProcessLogs_JsonWithUtf8Charset_IsAccepted()
    {
        await using var server = await DeveloperAgentServer.StartAsync();

        using var response = await server.PostAsync(Payloads.Run("run-charset"), contentType: "Application/JSON; charset=UTF-8");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProcessLogs_ContentLengthOverCap_Is413BeforeTheBodyIsRead()
    {
        await using var server = await DeveloperAgentServer.StartAsync("Limits:MaxBodyBytes=100000");
        using var raw = await RawHttp.ConnectAsync(server.BaseAddress);

        // Headers only: the answer must come without the 5 MB that are announced.
        await raw.SendAsync($"POST /process-logs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {DeveloperAgentServer.Token}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(10));

        response.Should().StartWith("HTTP/1.1 413");
        response.Should().Contain("application/problem+json");
        server.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ProcessLogs_ChunkedBodyOverCap_Is413WhileReading()
    {
        await using var server = await DeveloperAgentServer.StartAsync("Limits:MaxBodyBytes=100000");
        using var raw = await RawHttp.ConnectAsync(server.BaseAddress);
        await raw.SendAsync($"POST /process-logs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {DeveloperAgentServer.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = new string('a', 16 * 1024);
        var payload = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n{chunk}\r\n");
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await raw.SendAsync(payload);
            }
            catch (IOException)
            {
                break;
            }
        }

        var response = await raw.ReadResponseAsync(TimeSpan.FromSeconds(10));

        response.Should().StartWith("HTTP/1.1 413");
        response.Should().Contain("application/problem+json");
        server.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task ProcessLogs_Overloaded_Is429WithRetryAfter()
    {
        await using var server = await DeveloperAgentServer.StartAsync("Limits:MaxConcurrentRequests=1", "Limits:QueueLimit=0");

        // One request holds the only slot: its chunked body never ends. The server may take a probe first and
        // refuse the holder instead; then the holder answered and is sent again.
        var holder = await HoldSlotAsync(server);
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            var response = await server.PostAsync(Payloads.Run("run-429"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
                if (holder.HasAnswered)
                {
                    holder.Dispose();
                    holder = await HoldSlotAsync(server);
                }

                await Task.Delay(50);
            }
        }

        refused.Should().NotBeNull("a second request while the only slot is busy is refused");
        refused!.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        await ShouldBeProblem(refused, 429);
        refused.Dispose();

        using var health = await server.Client.GetAsync(new Uri("/api/health/", UriKind.Relative));
        health.StatusCode.Should().Be(HttpStatusCode.OK, "health is never limited");
        using var wrongToken = await server.PostAsync(Payloads.Run("run-429"), token: DeveloperAgentServer.CloudAgentToken);
        wrongToken.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a refused token takes no slot and gets its 401");
        holder.Dispose();
    }

    private static async Task<RawHttp> HoldSlotAsync(DeveloperAgentServer server)
    {
        var raw = await RawHttp.ConnectAsync(server.BaseAddress);
        await raw.SendAsync($"POST /process-logs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {DeveloperAgentServer.Token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{{\r\n");
        return raw;
    }

    [Fact]
    public async Task ProcessLogs_SameRunDifferentContent_Is409AndKeepsTheFirst()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var first = await server.PostAsync(Payloads.Run("run-409"));
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await server.PostAsync(Payloads.Run("run-409", ("playwright.log", Payloads.PlaywrightLog + "more\n")));

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await ShouldBeProblem(second, 409);
        File.ReadAllText(Path.Combine(server.Logs, "run-409", "playwright.log")).Should().Be(Payloads.PlaywrightLog);
    }

    [Fact]
    public async Task ProcessLogs_SameRunTwice_StoresOnceAndReplaysTheIdenticalAnswer()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        using var first = await server.PostAsync(Payloads.Run("run-twice"), idempotencyKey: "key-1");
        var marker = File.GetLastWriteTimeUtc(Path.Combine(server.Logs, "run-twice", FileRunStore.MarkerName));

        // Same content, other JSON layout: still the same run.
        var reformatted = JsonSerializer.Serialize(Payloads.Json(Payloads.Run("run-twice")), Indented);
        using var second = await server.PostAsync(reformatted, idempotencyKey: "key-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.GetValues(DeveloperAgentApp.ReplayedHeader).Should().Equal("true");
        first.Headers.Contains(DeveloperAgentApp.ReplayedHeader).Should().BeFalse();
        File.GetLastWriteTimeUtc(Path.Combine(server.Logs, "run-twice", FileRunStore.MarkerName)).Should().Be(marker);
    }

    [Fact]
    public async Task ProcessLogs_TenConcurrentPostsOfOneRun_OneStoredRunAndIdenticalAnswers()
    {
        await using var server = await DeveloperAgentServer.StartAsync();
        var body = Payloads.Run("run-ten", ("playwright.log", Payloads.PlaywrightLog), ("server.log", "error: connection refused\n"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.PostAsync(body)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        answers.Distinct().Should().ContainSingle();
        responses.Count(r => !r.Headers.Contains(DeveloperAgentApp.ReplayedHeader)).Should().Be(1, "exactly one post stored the run");
        Directory.GetDirectories(server.Logs).Select(Path.GetFileName).Should().BeEquivalentTo(".staging", "run-ten");
        Directory.EnumerateFileSystemEntries(Path.Combine(server.Logs, ".staging")).Should().BeEmpty();
        ((FileRunStore)server.Services.GetService(typeof(FileRunStore))!).LockCount.Should().Be(0);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ProcessLogs_LineOverCap_IsTruncatedWithMarkerAndCounted()
    {
        await using var server = await DeveloperAgentServer.StartAsync("Limits:MaxLineBytes=1024");
        var longLine = string.Concat(Enumerable.Repeat("é", 3000));
        var log = Payloads.PlaywrightLog + longLine + "\nnext line\n" + new string('z', 5000);

        using var response = await server.PostAsync(Payloads.Run("run-long", ("playwright.log", log)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var storage = Payloads.Json(await response.Content.ReadAsStringAsync()).GetProperty("storage");
        storage.GetProperty("truncated_lines").GetInt32().Should().Be(2);
        var stored = File.ReadAllText(Path.Combine(server.Logs, "run-long", "playwright.log"));
        stored.Should().Contain(new string('é', 512) + "…[praxi: truncated 4976 bytes]\nnext line\n");
        stored.Should().EndWith(new string('z', 1024) + "…[praxi: truncated 3976 bytes]");
        stored.Split('\n').Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 1024 + 64);
    }

    [Fact]
    public async Task ProcessLogs_NothingAnalysable_Is422AndStoresNothing()
    {
        await using var server = await DeveloperAgentServer.StartAsync();

        using var response = await server.PostAsync("""{"run_id":"run-empty","logs":[]}""");

        response.StatusCode.Should().Be((HttpStatusCode)422);
        await ShouldBeProblem(response, 422);
        server.AllFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"run_id":"r","logs":[{"name":"run.json","content":"x"}]}""", "logs[0].name")]
    [InlineData("""{"run_id":"r","logs":[{"name":"a","content":"x"},{"name":"a/b.log","content":"y"}]}""", "logs[0].name")]
    [InlineData("""{"run_id":"r","logs":[{"name":"a.log","content":"x"}]}""", "Idempotency-Key")]
    public async Task ProcessLogs_HostRefusals_Are400InTheContractShape(string body, string field)
    {
        await using var server = await DeveloperAgentServer.StartAsync();

        using var response = await server.PostAsync(body, idempotencyKey: field == "Idempotency-Key" ? "has space" : null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ShouldBeProblem(response, 400);
        problem.GetProperty("error").GetString().Should().Be("invalid_payload");
        problem.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).Should().Contain(field);
        server.AllFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Health_ReadyAndOpenApi_AreServedWithoutToken()
    {
        await using var server = await DeveloperAgentServer.StartAsync();

        using var live = await server.Client.GetAsync(new Uri("/api/health/", UriKind.Relative));
        using var ready = await server.Client.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
        var openApi = Payloads.Json(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        openApi.GetProperty("paths").TryGetProperty("/process-logs", out var processLogs).Should().BeTrue();
        processLogs.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).Should().BeTrue();
        openApi.GetProperty("paths").GetProperty("/runs/{run_id}").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().BeEquivalentTo("200", "400", "401", "404");
    }

    [Fact]
    public async Task Build_MissingOrShortToken_RefusesWithOneClearMessage()
    {
        var missing = () => DeveloperAgentApp.Build(["--urls=http://127.0.0.1:0"]);
        var shortToken = () => DeveloperAgentApp.Build(["--urls=http://127.0.0.1:0", "--DEVELOPER_AGENT_TOKEN=short"]);
        var badLimit = () => DeveloperAgentApp.Build(["--urls=http://127.0.0.1:0", $"--DEVELOPER_AGENT_TOKEN={DeveloperAgentServer.Token}", "--Limits:MaxBodyBytes=-1"]);

        missing.Should().Throw<FixEngineException>().WithMessage("DEVELOPER_AGENT_TOKEN is not set*");
        shortToken.Should().Throw<FixEngineException>().WithMessage("DEVELOPER_AGENT_TOKEN must be at least 16 characters*");
        badLimit.Should().Throw<FixEngineException>().WithMessage("Limits__MaxBodyBytes must be*");
        await Task.CompletedTask;
    }

    internal static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, int status)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        var problem = Payloads.Json(text);
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        text.Should().NotContain("   at ", "no stack trace");
        return problem;
    }
}
