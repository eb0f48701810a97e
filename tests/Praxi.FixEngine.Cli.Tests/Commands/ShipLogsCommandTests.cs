using System.Net;
using System.Net.Sockets;
using System.Text;
using Praxi.Ingest;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class ShipLogsCommandTests : IAsyncLifetime
{
    private const string Token = "tok-3f9a1c7e5b2d4e6f8a0b1c2d3e4f5a6b";
    private readonly TempFolder _temp = TempFolder.Create();
    private FakeCiEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeCiEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task ShipLogs_RunFolder_PostsLogsAndArtifactsThatRoundTripThroughTheReader()
    {
        var dir = NewDir();
        var log = "Running 3 tests\n  \"quoted\" \\ back é 日本 😀 \u001b[31mred\u001b[0m\n  Error: locator.click: Timeout 30000ms exceeded.\n";
        Write(dir, "playwright.log", log);
        Write(dir, "server/output.txt", "GET /login 500\n");
        Write(dir, "results.json", """{"suites":[]}""");
        Write(dir, "test-results/login/dom.html", "<button id=\"sign-in\">Sign in</button>");
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x10, 0x80, 0x00 };
        File.WriteAllBytes(Path.Combine(dir, "test-results/login/trace.zip"), zip);

        var (code, stdout, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--run-id", "42-1");

        code.Should().Be(ExitCodes.Success, stderr);
        var request = _endpoint.Requests.Should().ContainSingle().Subject;
        request.Headers["Authorization"].Should().Be($"Bearer {Token}");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.Headers["Idempotency-Key"].Should().StartWith("42-1.");
        var payload = Read(request);
        payload.RunId.Should().Be("42-1");
        payload.Logs.Select(f => f.Name).Should().BeEquivalentTo("playwright.log", "server/output.txt");
        Encoding.UTF8.GetString(payload.Logs.Single(f => f.Name == "playwright.log").Content.Span).Should().Be(log);
        payload.Artifacts.Select(f => (f.Name, f.Encoding)).Should().BeEquivalentTo(new[]
        {
            ("results.json", "utf-8"), ("test-results/login/dom.html", "utf-8"), ("test-results/login/trace.zip", "base64"),
        });
        payload.Artifacts.Single(f => f.Name.EndsWith("trace.zip", StringComparison.Ordinal)).Content.ToArray().Should().Equal(zip);
        stdout.Should().Contain("Shipped run 42-1: 2 log(s), 3 artifact(s)")
            .And.Contain("selector_not_found (confidence 0.93), 1 failed test(s)")
            .And.Contain("Evidence: playwright.log:41 waiting for locator('#login-btn')?[2J")
            .And.NotContain("\u001b");
    }

    [Fact]
    public async Task ShipLogs_OverTheCap_SkipsVideosAndScreenshotsFirstAndKeepsTheLogTail()
    {
        var dir = NewDir();
        var rng = new Random(3);
        var video = new byte[150_000];
        rng.NextBytes(video);
        File.WriteAllBytes(Path.Combine(dir, "video.webm"), video);
        var shot = new byte[50_000];
        rng.NextBytes(shot);
        File.WriteAllBytes(Path.Combine(dir, "failure.png"), shot);
        Write(dir, "report.json", "{\"r\":\"" + new string('x', 20_000) + "\"}");
        var log = new StringBuilder();
        for (var i = 0; log.Length < 400_000; i++)
        {
            log.Append("line ").Append(i).Append(" \"step\" \\ ok é\n");
        }

        log.Append("FINAL ERROR: locator('#go') not found\n");
        Write(dir, "run.log", log.ToString());

        var (code, stdout, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--max-bytes", "200000");

        code.Should().Be(ExitCodes.Success, stderr);
        var request = _endpoint.Requests.Should().ContainSingle().Subject;
        request.Body.Length.Should().BeLessThanOrEqualTo(200_000).And.BeGreaterThan(150_000, "the cap should be used, not wasted");
        var payload = Read(request);
        payload.Artifacts.Select(f => f.Name).Should().Equal("report.json");
        var sent = Encoding.UTF8.GetString(payload.Logs.Should().ContainSingle().Subject.Content.Span);
        sent.Should().StartWith("[praxi ship-logs: log truncated to its last ").And.EndWith("FINAL ERROR: locator('#go') not found\n");
        sent.Split('\n')[1].Should().StartWith("line ", "the tail starts on a whole line");
        stderr.Should().Contain("skipped 'video.webm'").And.Contain("skipped 'failure.png'").And.Contain("truncated log 'run.log'");
        stdout.Should().Contain("skipped 2 file(s), truncated 1 log(s)");
    }

    [Fact]
    public async Task ShipLogs_TraceCrowdingOutTheLogs_SkipsTheTraceButKeepsTheSmallReport()
    {
        var dir = NewDir();
        var trace = new byte[120_000];
        new Random(5).NextBytes(trace);
        Directory.CreateDirectory(Path.Combine(dir, "test-results"));
        File.WriteAllBytes(Path.Combine(dir, "test-results/trace.zip"), trace);
        Write(dir, "junit.xml", "<testsuites>" + new string('t', 10_000) + "</testsuites>");
        Write(dir, "run.log", string.Concat(Enumerable.Range(0, 40_000).Select(i => $"step {i}\n")) + "the failure\n");

        var (code, stdout, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--max-bytes", "200000");

        code.Should().Be(ExitCodes.Success, stderr);
        var payload = Read(_endpoint.Requests.Single());
        payload.Artifacts.Select(f => f.Name).Should().Equal("junit.xml");
        payload.Logs.Single().Content.Length.Should().BeGreaterThan(150_000, "the log gets what the trace left");
        stdout.Should().Contain("skipped 1 file(s), truncated 1 log(s)");
    }

    [Fact]
    public async Task ShipLogs_EverythingFits_SaysNothingAboutTheCap()
    {
        var dir = NewDir();
        Write(dir, "run.log", "one\n");
        File.WriteAllBytes(Path.Combine(dir, "shot.png"), [0x89, 0x50, 0x4E, 0x47]);

        var (code, stdout, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url);

        code.Should().Be(ExitCodes.Success);
        stderr.Should().BeEmpty();
        stdout.Should().NotContain("skipped").And.Contain("1 log(s), 1 artifact(s)");
        Read(_endpoint.Requests.Single()).Artifacts.Single().Encoding.Should().Be("base64");
    }

    [Fact]
    public async Task ShipLogs_LogLargerThanTheCap_SendsOnlyItsTail()
    {
        var dir = NewDir();
        Write(dir, "huge.log", new string('a', 300_000) + "\nthe end\n");

        var (code, _, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--max-bytes", "50000");

        code.Should().Be(ExitCodes.Success, stderr);
        var request = _endpoint.Requests.Should().ContainSingle().Subject;
        request.Body.Length.Should().BeLessThanOrEqualTo(50_000);
        Encoding.UTF8.GetString(Read(request).Logs.Single().Content.Span).Should().EndWith("aaaa\nthe end\n").And.Contain("of 300009 bytes]");
    }

    [Fact]
    public async Task ShipLogs_503WithRetryAfterTwice_RetriesWithTheSameKeyAndBody()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        _endpoint.Answer(503, retryAfter: "1");
        _endpoint.Answer(503, retryAfter: "0");

        var (code, stdout, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url);

        code.Should().Be(ExitCodes.Success, stderr);
        var requests = _endpoint.Requests.ToList();
        requests.Should().HaveCount(3);
        requests.Select(r => r.Headers["Idempotency-Key"]).Distinct().Should().ContainSingle();
        requests.Select(r => Convert.ToBase64String(r.Body)).Distinct().Should().ContainSingle();
        stderr.Should().Contain("attempt 1 failed (HTTP 503").And.Contain("retrying in 1 s");
        stdout.Should().Contain("attempt 3");
    }

    [Fact]
    public async Task ShipLogs_429ThenSuccess_Retries()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        _endpoint.Answer(429);

        var (code, stdout, _) = await RunAsync(Env(), dir, "--url", _endpoint.Url);

        code.Should().Be(ExitCodes.Success);
        _endpoint.Requests.Should().HaveCount(2);
        stdout.Should().Contain("attempt 2");
    }

    [Theory]
    [InlineData(false, ExitCodes.Success)]
    [InlineData(true, ExitCodes.Failed)]
    public async Task ShipLogs_401_NeverRetriesAndWarnsOrFailsWhenStrict(bool strict, int expected)
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        _endpoint.Answer(401, body: """{"type":"about:blank","title":"Unauthorized","status":401,"detail":"missing or wrong bearer token"}""");
        string[] args = strict ? [dir, "--url", _endpoint.Url, "--strict"] : [dir, "--url", _endpoint.Url];

        var (code, stdout, stderr) = await RunAsync(Env(), args);

        code.Should().Be(expected);
        _endpoint.Requests.Should().ContainSingle();
        stderr.Should().Contain("HTTP 401").And.Contain("missing or wrong bearer token");
        stderr.Should().StartWith(strict ? "praxi: the logs were not shipped" : "praxi: warning: the logs were not shipped");
        stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task ShipLogs_400_PrintsTheFirstDetails()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        _endpoint.Answer(400, body: """{"type":"about:blank","title":"Invalid payload","status":400,"detail":"1 problem","error":"invalid_payload","details":[{"field":"run_id","problem":"required"}]}""");

        var (code, _, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--strict");

        code.Should().Be(ExitCodes.Failed);
        _endpoint.Requests.Should().ContainSingle();
        stderr.Should().Contain("HTTP 400").And.Contain("run_id: required");
    }

    [Theory]
    [InlineData(false, ExitCodes.Success)]
    [InlineData(true, ExitCodes.Failed)]
    public async Task ShipLogs_EndpointDown_WarnsAfterRetriesOrFailsWhenStrict(bool strict, int expected)
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        var url = $"http://127.0.0.1:{FreePort()}/api/ci/logs";
        string[] args = strict ? [dir, "--url", url, "--retries", "1", "--strict"] : [dir, "--url", url, "--retries", "1"];

        var (code, stdout, stderr) = await RunAsync(Env(), args);

        code.Should().Be(expected, stderr);
        stderr.Should().Contain("attempt 1 failed (transport error").And.Contain("after 2 attempt(s)");
        stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task ShipLogs_SlowEndpoint_TimesOutPerAttempt()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/api/ci/logs";

        var (code, _, stderr) = await RunAsync(Env(), dir, "--url", url, "--retries", "0", "--timeout", "0.5", "--strict");

        code.Should().Be(ExitCodes.Failed);
        stderr.Should().Contain("no answer within 0.5 s after 1 attempt(s)");
    }

    [Fact]
    public async Task ShipLogs_TokenNeverInOutput_OnSuccessOrFailure()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        _endpoint.Answer(500, body: "{}");
        _endpoint.Answer(401, body: "{}");

        var failed = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--strict");
        var succeeded = await RunAsync(Env(), dir, "--url", _endpoint.Url);
        var down = await RunAsync(Env(), dir, "--url", $"http://127.0.0.1:{FreePort()}/x", "--retries", "0");

        failed.Code.Should().Be(ExitCodes.Failed);
        succeeded.Code.Should().Be(ExitCodes.Success);
        foreach (var text in new[] { failed.Stdout, failed.Stderr, succeeded.Stdout, succeeded.Stderr, down.Stdout, down.Stderr })
        {
            text.Should().NotContain(Token).And.NotContain(Token[..12]);
        }

        _endpoint.Requests.Should().AllSatisfy(r => r.Body.Should().NotContain((byte)0).And.HaveCountGreaterThan(0));
        _endpoint.Requests.Select(r => r.Text).Should().AllSatisfy(t => t.Should().NotContain(Token));
    }

    [Fact]
    public async Task ShipLogs_GitHubActionsEnvironment_FillsTheMetadata()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        var env = Env(("GITHUB_RUN_ID", "9876543210"), ("GITHUB_RUN_ATTEMPT", "2"), ("GITHUB_REPOSITORY", "owner/shop"),
            ("GITHUB_SHA", "0123abcd"), ("GITHUB_REF_NAME", "feature/login"), ("GITHUB_WORKFLOW", "e2e"), ("GITHUB_JOB", "playwright"));

        var (code, _, stderr) = await RunAsync(env, dir, "--url", _endpoint.Url);
        var (overridden, _, _) = await RunAsync(env, dir, "--url", _endpoint.Url, "--run-id", "custom.7");

        code.Should().Be(ExitCodes.Success, stderr);
        overridden.Should().Be(ExitCodes.Success);
        var payloads = _endpoint.Requests.Select(Read).ToList();
        payloads[0].Should().BeEquivalentTo(new { RunId = "9876543210-2", Repository = "owner/shop", CommitSha = "0123abcd", Branch = "feature/login", Workflow = "e2e", Job = "playwright" });
        payloads[1].RunId.Should().Be("custom.7");
        payloads[1].Repository.Should().Be("owner/shop");
    }

    [Fact]
    public async Task ShipLogs_LongestRunId_KeepsTheIdempotencyKeyWithinWhatCloudAgentTakes()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        var runId = "r" + new string('1', 127);

        var (code, _, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url, "--run-id", runId);

        code.Should().Be(ExitCodes.Success, stderr);
        var request = _endpoint.Requests.Single();
        Read(request).RunId.Should().Be(runId);
        request.Headers["Idempotency-Key"].Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task ShipLogs_NoGitHubEnvironment_UsesALocalStamp()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");

        var (code, _, _) = await RunAsync(Env(), dir, "--url", _endpoint.Url);

        code.Should().Be(ExitCodes.Success);
        var payload = Read(_endpoint.Requests.Single());
        payload.RunId.Should().MatchRegex("^local-[0-9]{8}T[0-9]{6}Z$");
        payload.Repository.Should().BeNull();
    }

    [Fact]
    public async Task ShipLogs_UnsafeNamesAndLinks_AreSkippedWithAWarning()
    {
        var dir = NewDir();
        var outside = NewDir();
        Write(outside, "secret.txt", "do not send");
        Write(dir, "ok.log", "fine\n");
        Write(dir, "back\\slash.log", "x");
        Write(dir, "nul.txt", "x");
        Write(dir, "run.json", "{}");
        File.CreateSymbolicLink(Path.Combine(dir, "escape.log"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "linked-dir"), outside);

        var (code, _, stderr) = await RunAsync(Env(), dir, "--url", _endpoint.Url);

        code.Should().Be(ExitCodes.Success, stderr);
        var request = _endpoint.Requests.Should().ContainSingle().Subject;
        Read(request).Logs.Select(f => f.Name).Should().Equal("ok.log");
        request.Text.Should().NotContain("do not send");
        stderr.Should().Contain("skipped 'back\\slash.log'").And.Contain("skipped 'nul.txt'").And.Contain("skipped 'run.json'")
            .And.Contain("skipped 'escape.log': a symbolic link").And.Contain("skipped 'linked-dir': a symbolic link");
    }

    [Fact]
    public async Task ShipLogs_FifoAndEmptyFiles_AreSentEmptyWithoutBlocking()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        Write(dir, "empty.json", string.Empty);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(dir, "pipe.log")]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        var run = RunAsync(Env(), dir, "--url", _endpoint.Url);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));

        finished.Should().BeSameAs(run, "a FIFO must never be opened");
        var (code, _, stderr) = await run;
        code.Should().Be(ExitCodes.Success, stderr);
        var payload = Read(_endpoint.Requests.Single());
        payload.Logs.Select(f => (f.Name, f.Content.Length)).Should().BeEquivalentTo(new[] { ("ci.log", 5), ("pipe.log", 0) });
        payload.Artifacts.Select(f => (f.Name, f.Content.Length)).Should().Equal(("empty.json", 0));
    }

    [Theory]
    [InlineData("missing-folder")]
    [InlineData("bad-url")]
    [InlineData("ftp-url")]
    [InlineData("credentials-in-url")]
    [InlineData("token-unset")]
    [InlineData("bad-run-id")]
    [InlineData("newline-run-id")]
    [InlineData("tiny-max-bytes")]
    public async Task ShipLogs_BadUsage_ExitsTwoWithOneLineAndSendsNothing(string kind)
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");
        var env = kind == "token-unset" ? Env(("AGENT_TOKEN", null)) : Env();
        string[] args = kind switch
        {
            "missing-folder" => [Path.Combine(dir, "nope"), "--url", _endpoint.Url],
            "bad-url" => [dir, "--url", "not a url"],
            "ftp-url" => [dir, "--url", "ftp://127.0.0.1/x"],
            "credentials-in-url" => [dir, "--url", _endpoint.Url.Replace("http://", "http://user:pw@", StringComparison.Ordinal)],
            "bad-run-id" => [dir, "--url", _endpoint.Url, "--run-id", "../etc"],
            "newline-run-id" => [dir, "--url", _endpoint.Url, "--run-id", "run1\n"],
            "tiny-max-bytes" => [dir, "--url", _endpoint.Url, "--max-bytes", "10"],
            _ => [dir, "--url", _endpoint.Url],
        };

        var (code, stdout, stderr) = await RunAsync(env, args);

        code.Should().Be(ExitCodes.BadInput);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("praxi: ");
        stdout.Should().BeEmpty();
        _endpoint.Requests.Should().BeEmpty();
        if (kind == "token-unset")
        {
            stderr.Should().Contain("AGENT_TOKEN");
        }
    }

    [Fact]
    public async Task ShipLogs_TokenEnv_ReadsTheNamedVariable()
    {
        var dir = NewDir();
        Write(dir, "ci.log", "boom\n");

        var (code, _, stderr) = await RunAsync(Env(("AGENT_TOKEN", null), ("MY_TOKEN", "other-token-value-123")), dir, "--url", _endpoint.Url, "--token-env", "MY_TOKEN");

        code.Should().Be(ExitCodes.Success, stderr);
        _endpoint.Requests.Single().Headers["Authorization"].Should().Be("Bearer other-token-value-123");
    }

    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?> { ["AGENT_TOKEN"] = Token };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(Dictionary<string, string?> env, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var services = CliServices.Default with
        {
            Environment = name => env.GetValueOrDefault(name),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        };
        var code = await PraxiCli.RunAsync(["ship-logs", .. args], stdout, stderr, services);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static CiRunPayload Read(RecordedRequest request)
    {
        var result = CiRunPayloadReader.Read(request.Body);
        result.IsValid.Should().BeTrue(string.Join("; ", result.Problems));
        return result.Payload!;
    }

    private static void Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string NewDir() => _temp.Subfolder();
}
