using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Praxi.DeveloperAgent;
using Xunit.Abstractions;

namespace Praxi.Hosts.Tests;

/// <summary>
/// The built DeveloperAgent as a child process, killed with SIGKILL during uploads: at random moments, and aimed at the
/// store phase (0–30 ms after the client finished sending a heavy run's body: dozens of files, a few MB, each written
/// through temp file, fsync and rename). What a kill interrupted is measured from outside: the staging folders the
/// dead process left under <c>logs/.staging</c>.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const int Uploads = 100;
    private const int MaxRandomKills = 10;
    private const int MaxAimedKills = 30;
    private const int MinMidWriteKills = 10;
    private const int MaxAimDelayMs = 30;

    [Fact]
    public async Task ProcessLogs_KilledAtRandomAndDuringWritesOfHundredUploads_EveryAcknowledgedRunIsCompleteAndNothingPartialIsVisible()
    {
        using var temp = TempFolder.Create("durability");
        var root = temp.Combine("store");
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var reposted = new ConcurrentDictionary<string, bool>();
        var transportFailures = 0;
        var aimedLeft = MaxAimedKills;
        var started = Stopwatch.StartNew();
        await using var agent = new AgentProcess(root);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        using var done = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            var killRandom = new Random(7);
            while (!done.IsCancellationRequested && agent.RandomKills < MaxRandomKills)
            {
                try
                {
                    await Task.Delay(killRandom.Next(300, 3000), done.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                await agent.KillAsync(generation: null);
            }
        });

        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, Uploads));
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var index))
            {
                var run = MakeRun(index);
                var failed = false;
                for (var attempt = 0; started.Elapsed < TimeSpan.FromSeconds(75); attempt++)
                {
                    var (baseAddress, generation) = await agent.EnsureRunningAsync();
                    var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var aim = run.Heavy && attempt == 0 && Interlocked.Decrement(ref aimedLeft) >= 0;
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/process-logs")) { Content = new SignalingContent(run.Body, sent, agent.Sent) };
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
                        request.Headers.Add("Idempotency-Key", run.RunId);
                        var sending = client.SendAsync(request);
                        if (aim)
                        {
                            var killed = false;
                            if (await StoreStartedAsync(root, run.RunId, sent.Task, sending))
                            {
                                await Task.Delay(new Random(index * 131).Next(0, MaxAimDelayMs + 1));
                                killed = await agent.KillAsync(generation);
                            }

                            if (!killed)
                            {
                                Interlocked.Increment(ref aimedLeft);
                            }
                        }

                        using var response = await sending;
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged[run.RunId] = true;
                            if (failed)
                            {
                                reposted[run.RunId] = true;
                            }

                            break;
                        }

                        ((int)response.StatusCode).Should().BeOneOf([429, 503], "only overload or storage trouble may refuse a valid run");
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref transportFailures);
                        failed = true;
                    }
                    finally
                    {
                        agent.Answered(sent.Task.IsCompleted);
                    }

                    await Task.Delay(20);
                }
            }
        })).ToList();

        await Task.WhenAll(workers);
        await done.CancelAsync();
        await killer;
        await agent.StopAsync();
        var uploadTime = started.Elapsed;

        // The final restart removes what the last kills left in staging; complete runs are answered again.
        var logs = Path.Combine(root, "logs");
        var staging = Path.Combine(logs, ".staging");
        var stagingBeforeRestart = Directory.GetFileSystemEntries(staging).Length;
        var (address, _) = await agent.EnsureRunningAsync();
        var stagingAfterRestart = Directory.GetFileSystemEntries(staging).ToList();
        var unreadable = new List<string>();
        foreach (var runId in acknowledged.Keys)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/runs/" + runId));
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
            using var answer = await client.SendAsync(get);
            if (!answer.IsSuccessStatusCode)
            {
                unreadable.Add(runId);
            }
        }

        await agent.StopAsync();

        var visible = Directory.GetDirectories(logs).Where(d => Path.GetFileName(d) != ".staging").ToList();
        var partial = AgentProcess.PartialRuns(logs);
        var temps = AgentProcess.VisibleTempFiles(logs);
        var incomplete = new List<string>();
        for (var index = 0; index < Uploads; index++)
        {
            var run = MakeRun(index);
            if (!acknowledged.ContainsKey(run.RunId))
            {
                continue;
            }

            var folder = Path.Combine(logs, run.RunId);
            if (!File.Exists(Path.Combine(folder, FileRunStore.MarkerName)) || !File.Exists(Path.Combine(folder, FileRunStore.AnalysisName))
                || run.Files.Any(f => !File.Exists(Path.Combine(folder, f.Key)) || !File.ReadAllBytes(Path.Combine(folder, f.Key)).AsSpan().SequenceEqual(f.Value)))
            {
                incomplete.Add(run.RunId);
            }
        }

        var kills = agent.Records;
        var midWrite = kills.Count(k => k.StagingAfter > 0);
        output.WriteLine($"{kills.Count} SIGKILLs ({agent.RandomKills} random, {kills.Count(k => k.Aimed)} aimed): {midWrite} mid-write (staging left by the dead process; {kills.Count(k => k.Aimed && k.StagingAfter > 0)} aimed, {kills.Count(k => !k.Aimed && k.StagingAfter > 0)} random), "
            + $"{kills.Count(k => k.TempFile)} inside a file write (temp file in staging), {kills.Count(k => k.StagingBefore > 0)} with staging listed just before the kill, {kills.Count(k => k.SentUnanswered > 0)} with a body sent and unanswered");
        output.WriteLine($"{acknowledged.Count}/{Uploads} uploads acknowledged, {reposted.Count} re-posted after a failed attempt ({agent.InterruptedRuns.Count} distinct runs interrupted mid-write), {agent.Starts} starts, {transportFailures} transport failures; "
            + $"{visible.Count} run folders, {partial.Count} partial, {temps.Count} temp files, {agent.Violations.Count} violations seen after kills, {incomplete.Count} acknowledged but incomplete, {unreadable.Count} unreadable; "
            + $"staging entries {agent.StagingCleaned} removed and {agent.StagingNotCleaned} kept by the starts ({stagingBeforeRestart} -> {stagingAfterRestart.Count} over the final restart); uploads {uploadTime.TotalSeconds:0.0} s, total {started.Elapsed.TotalSeconds:0.0} s");
        agent.Violations.Should().BeEmpty("no partial run folder or temp file is visible right after any kill");
        partial.Should().BeEmpty();
        temps.Should().BeEmpty();
        stagingAfterRestart.Should().BeEmpty("staging leftovers are removed at start");
        agent.StagingNotCleaned.Should().Be(0, "every start removes what the kills left in staging");
        agent.StagingCleaned.Should().BeGreaterThanOrEqualTo(midWrite, "each mid-write kill left a staging folder for the next start");
        incomplete.Should().BeEmpty();
        unreadable.Should().BeEmpty();
        agent.RandomKills.Should().BeGreaterThanOrEqualTo(5, "the agent was killed at random during the uploads");
        midWrite.Should().BeGreaterThanOrEqualTo(MinMidWriteKills, "the aimed kills land while runs are being written");
        // A run whose staging the kill left behind was either interrupted before its answer (the client sees the failure and
        // re-posts it) or killed after the answer went out, while the staging was being cleared (then it was acknowledged
        // the first time). Under load the second happens; both end complete, which the checks above and below prove.
        reposted.Should().NotBeEmpty("kills during the uploads make clients re-post");
        agent.InterruptedRuns.Should().OnlyContain(r => reposted.ContainsKey(r) || acknowledged.ContainsKey(r), "an interrupted run is re-posted unless it was answered before the kill");
        acknowledged.Count.Should().Be(Uploads);
        visible.Should().HaveCount(Uploads);
    }

    [Fact]
    public async Task Dll_WithoutToken_ExitsWithCode2AndOneLine()
    {
        using var temp = TempFolder.Create("start");
        var root = temp.Combine("store");
        using var process = Process.Start(AgentProcess.StartInfo(root, token: null))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("DEVELOPER_AGENT_TOKEN is not set");
    }

    [Fact]
    public async Task Dll_Logs_NameTheRunStatusAndSizeButNeverTokensOrLogText()
    {
        using var temp = TempFolder.Create("logs");
        var root = temp.Combine("store");
        var info = AgentProcess.StartInfo(root, DeveloperAgentServer.Token);
        info.Environment["Logging__LogLevel__Default"] = "Information";
        info.Environment["Logging__LogLevel__Microsoft"] = "Information";
        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            const string marker = "Now listening on: ";
            var at = e.Data.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data[(at + marker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? string.Empty);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var client = new HttpClient { BaseAddress = baseAddress };
            const string secretText = "SECRET-LOG-TEXT-4f9a";
            const string wrongToken = "wrong-token-SECRET-0123456789";
            foreach (var token in new[] { DeveloperAgentServer.Token, wrongToken })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/process-logs")
                {
                    Content = new StringContent(Payloads.Run("run-logged", ("playwright.log", Payloads.PlaywrightLog + secretText + "\n")), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
            }

            using var invalid = new HttpRequestMessage(HttpMethod.Post, "/process-logs") { Content = new StringContent("{\"run_id\":\"" + secretText + "\"", Encoding.UTF8, "application/json") };
            invalid.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
            using var refused = await client.SendAsync(invalid);
            await Task.Delay(500);

            var log = string.Join('\n', lines);
            log.Should().Contain("run run-logged").And.Contain("-> 200").And.Contain("-> 401").And.Contain("-> 400");
            log.Should().NotContain(DeveloperAgentServer.Token).And.NotContain(wrongToken).And.NotContain(secretText).And.NotContain("Authorization");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Waits until the body is sent, then until the run's staging folder shows under <c>logs/.staging</c> (the store
    /// phase began); false when the answer came first.
    /// </summary>
    private static async Task<bool> StoreStartedAsync(string root, string runId, Task sent, Task answered)
    {
        if (await Task.WhenAny(sent, answered) != sent)
        {
            return false;
        }

        var staging = Path.Combine(root, "logs", ".staging");
        while (!answered.IsCompleted)
        {
            if (Directory.Exists(staging) && Directory.EnumerateDirectories(staging, runId + ".*").Any())
            {
                return true;
            }

            await Task.Delay(1);
        }

        return false;
    }

    /// <summary>Run <paramref name="index"/>, the same on every call; even runs are heavy (30–60 binary artifacts, 1–4 MB).</summary>
    private static UploadRun MakeRun(int index)
    {
        var random = new Random(20261126 + index);
        var runId = $"dur-{index:000}";
        var filler = new StringBuilder(Payloads.PlaywrightLog);
        var lines = random.Next(100, 3000);
        for (var i = 0; i < lines; i++)
        {
            filler.Append(i).Append(" [info] step ").Append(random.Next()).Append(" of run ").Append(runId).Append('\n');
        }

        var serverLog = $"[{index}] error: connect ECONNREFUSED 127.0.0.1:5432\n";
        var heavy = index % 2 == 0;
        var artifacts = new JsonArray();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["playwright.log"] = Encoding.UTF8.GetBytes(filler.ToString()),
            [Path.Combine("server", "app.log")] = Encoding.UTF8.GetBytes(serverLog),
        };
        var count = heavy ? random.Next(30, 61) : 1;
        for (var k = 0; k < count; k++)
        {
            var bytes = new byte[heavy ? random.Next(30_000, 70_000) : random.Next(1_000, 150_000)];
            random.NextBytes(bytes);
            var name = heavy ? $"test-results/t{k % 4}/attachment-{k:00}.bin" : "test-results/t/trace.zip";
            artifacts.Add(new JsonObject { ["name"] = name, ["content"] = Convert.ToBase64String(bytes), ["encoding"] = "base64" });
            files[name.Replace('/', Path.DirectorySeparatorChar)] = bytes;
        }

        var body = new JsonObject
        {
            ["run_id"] = runId,
            ["logs"] = new JsonArray(
                new JsonObject { ["name"] = "playwright.log", ["content"] = filler.ToString() },
                new JsonObject { ["name"] = "server/app.log", ["content"] = serverLog }),
            ["artifacts"] = artifacts,
        };
        return new UploadRun(runId, heavy, Encoding.UTF8.GetBytes(body.ToJsonString()), files);
    }

    private sealed record UploadRun(string RunId, bool Heavy, byte[] Body, Dictionary<string, byte[]> Files);

    private sealed record KillRecord(bool Aimed, int StagingBefore, int StagingAfter, bool TempFile, int SentUnanswered);

    /// <summary>The body as one buffer; <paramref name="sent"/> completes once it has been handed to the connection.</summary>
    private sealed class SignalingContent(byte[] body, TaskCompletionSource sent, Action onSent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body);
            await stream.FlushAsync();
            onSent();
            sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private sealed class AgentProcess(string root) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly List<KillRecord> _records = [];
        private readonly HashSet<string> _interruptedRuns = new(StringComparer.Ordinal);
        private readonly List<string> _violations = [];
        private Process? _process;
        private Uri? _baseAddress;
        private int _generation;
        private int _sentUnanswered;

        public int Starts { get; private set; }

        public int RandomKills { get; private set; }

        /// <summary>Staging entries found before a start (left by kills), and those still there once it listens.</summary>
        public int StagingCleaned { get; private set; }

        public int StagingNotCleaned { get; private set; }

        /// <summary>Every kill, with what the dead process left in staging.</summary>
        public IReadOnlyList<KillRecord> Records => _records;

        /// <summary>Runs whose staging folder a killed process left behind: interrupted in the middle of their writes.</summary>
        public HashSet<string> InterruptedRuns => _interruptedRuns;

        /// <summary>Partial run folders or temp files visible under <c>logs/</c> right after a kill.</summary>
        public List<string> Violations => _violations;

        public static List<string> PartialRuns(string logs) => [.. Directory.GetDirectories(logs)
            .Where(d => Path.GetFileName(d) != ".staging" && !File.Exists(Path.Combine(d, FileRunStore.MarkerName)))];

        public static List<string> VisibleTempFiles(string logs) => [.. Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.staging{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f).StartsWith(".praxi-tmp-", StringComparison.Ordinal))];

        public void Sent() => Interlocked.Increment(ref _sentUnanswered);

        public void Answered(bool sent)
        {
            if (sent)
            {
                Interlocked.Decrement(ref _sentUnanswered);
            }
        }

        public static ProcessStartInfo StartInfo(string root, string? token)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Praxi.DeveloperAgent.dll");
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            info.ArgumentList.Add(dll);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add("http://127.0.0.1:0");
            info.Environment["Storage__Root"] = root;
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            // No diagnostics IPC: a SIGKILLed runtime leaves its dotnet-diagnostic socket and clr-debug pipes in /tmp.
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
            info.Environment.Remove(DeveloperAgentApp.TokenSetting);
            if (token is not null)
            {
                info.Environment[DeveloperAgentApp.TokenSetting] = token;
            }

            return info;
        }

        public async Task<(Uri BaseAddress, int Generation)> EnsureRunningAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_process is { HasExited: false } && _baseAddress is not null)
                {
                    return (_baseAddress, _generation);
                }

                _process?.Dispose();
                var staging = Path.Combine(root, "logs", ".staging");
                var leftovers = Directory.Exists(staging) ? Directory.GetFileSystemEntries(staging).Length : 0;
                var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
                var process = new Process { StartInfo = StartInfo(root, DeveloperAgentServer.Token) };
                process.OutputDataReceived += (_, e) =>
                {
                    const string marker = "Now listening on: ";
                    var at = e.Data?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
                    if (at >= 0)
                    {
                        listening.TrySetResult(new Uri(e.Data![(at + marker.Length)..].Trim()));
                    }
                };
                process.ErrorDataReceived += (_, _) => { };
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                Starts++;
                _generation++;
                _process = process;
                _baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

                // No request reaches the new process before the gate opens: staging holds only what the start left.
                StagingCleaned += leftovers;
                StagingNotCleaned += Directory.GetFileSystemEntries(staging).Length;
                return (_baseAddress, _generation);
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>SIGKILL: aimed at the process of <paramref name="generation"/> (none if it was replaced), or at random when null.</summary>
        public async Task<bool> KillAsync(int? generation)
        {
            await _gate.WaitAsync();
            try
            {
                if (_process is not { HasExited: false } || (generation is { } wanted && wanted != _generation))
                {
                    return false;
                }

                var logs = Path.Combine(root, "logs");
                var staging = Path.Combine(logs, ".staging");
                var before = Directory.GetDirectories(staging).Length;
                var sentUnanswered = Volatile.Read(ref _sentUnanswered);
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                if (generation is null)
                {
                    RandomKills++;
                }

                // The process is dead: what is in staging now is what it was writing when it died.
                var left = Directory.GetDirectories(staging);
                var temp = left.Any(d => Directory.EnumerateFiles(d, ".praxi-tmp-*", SearchOption.AllDirectories).Any());
                _records.Add(new KillRecord(generation is not null, before, left.Length, temp, sentUnanswered));
                foreach (var folder in left)
                {
                    var name = Path.GetFileName(folder);
                    _interruptedRuns.Add(name[..name.IndexOf('.', StringComparison.Ordinal)]);
                }

                _violations.AddRange(PartialRuns(logs));
                _violations.AddRange(VisibleTempFiles(logs));
                return true;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task StopAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_process is { HasExited: false })
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process?.Dispose();
            _gate.Dispose();
        }
    }
}
