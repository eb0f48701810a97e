using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Praxi.DeveloperAgent;
using Xunit.Abstractions;

namespace Praxi.Hosts.Tests;

/// <summary>The built DeveloperAgent as a child process, killed with SIGKILL at random moments during uploads.</summary>
public sealed class DurabilityTests(ITestOutputHelper output)
{
    private const int Uploads = 100;
    private const int MaxKills = 20;

    [Fact]
    public async Task ProcessLogs_KilledAtRandomDuringHundredUploads_EveryAcknowledgedRunIsCompleteAndNothingPartialIsVisible()
    {
        var root = Path.Combine(Path.GetTempPath(), "praxi-durability-" + Guid.NewGuid().ToString("N"));
        var random = new Random(20261126);
        var runs = Enumerable.Range(0, Uploads).Select(i => MakeRun(i, random)).ToList();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var transportFailures = 0;
        var started = Stopwatch.StartNew();
        await using var agent = new AgentProcess(root);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        using var done = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            var killRandom = new Random(7);
            while (!done.IsCancellationRequested && agent.Kills < MaxKills)
            {
                try
                {
                    await Task.Delay(killRandom.Next(60, 500), done.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                await agent.KillAsync();
            }
        });

        var queue = new ConcurrentQueue<UploadRun>(runs);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var run))
            {
                while (started.Elapsed < TimeSpan.FromSeconds(80))
                {
                    var baseAddress = await agent.EnsureRunningAsync();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/process-logs")) { Content = new ByteArrayContent(run.Body) };
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeveloperAgentServer.Token);
                        request.Headers.Add("Idempotency-Key", run.RunId);
                        using var response = await client.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged[run.RunId] = true;
                            break;
                        }

                        ((int)response.StatusCode).Should().BeOneOf([429, 503], "only overload or storage trouble may refuse a valid run");
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref transportFailures);
                    }

                    await Task.Delay(20);
                }
            }
        })).ToList();

        await Task.WhenAll(workers);
        await done.CancelAsync();
        await killer;
        await agent.StopAsync();

        var logs = Path.Combine(root, "logs");
        var visible = Directory.GetDirectories(logs).Where(d => Path.GetFileName(d) != ".staging").ToList();
        var partial = visible.Where(d => !File.Exists(Path.Combine(d, FileRunStore.MarkerName))).ToList();
        var temps = Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.staging{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f).StartsWith(".praxi-tmp-", StringComparison.Ordinal))
            .ToList();
        var incomplete = new List<string>();
        foreach (var run in runs.Where(r => acknowledged.ContainsKey(r.RunId)))
        {
            var folder = Path.Combine(logs, run.RunId);
            if (!File.Exists(Path.Combine(folder, FileRunStore.MarkerName)) || !File.Exists(Path.Combine(folder, FileRunStore.AnalysisName))
                || run.Files.Any(f => !File.Exists(Path.Combine(folder, f.Key)) || !File.ReadAllBytes(Path.Combine(folder, f.Key)).AsSpan().SequenceEqual(f.Value)))
            {
                incomplete.Add(run.RunId);
            }
        }

        output.WriteLine($"{acknowledged.Count}/{Uploads} uploads acknowledged; {agent.Kills} SIGKILLs ({agent.InterruptedWrites} in the middle of a run's writes), {agent.Starts} starts, {transportFailures} transport failures, {visible.Count} run folders, {partial.Count} partial, {temps.Count} temp files, {incomplete.Count} acknowledged but incomplete, {started.Elapsed.TotalSeconds:0.0} s");
        partial.Should().BeEmpty();
        temps.Should().BeEmpty();
        incomplete.Should().BeEmpty();
        agent.Kills.Should().BeGreaterThanOrEqualTo(5, "the agent was killed during the uploads");
        acknowledged.Count.Should().Be(Uploads);
        visible.Should().HaveCount(Uploads);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Dll_WithoutToken_ExitsWithCode2AndOneLine()
    {
        var root = Path.Combine(Path.GetTempPath(), "praxi-start-" + Guid.NewGuid().ToString("N"));
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
        var root = Path.Combine(Path.GetTempPath(), "praxi-logs-" + Guid.NewGuid().ToString("N"));
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

    private static UploadRun MakeRun(int index, Random random)
    {
        var runId = $"dur-{index:000}";
        var filler = new StringBuilder(Payloads.PlaywrightLog);
        var lines = random.Next(100, 3000);
        for (var i = 0; i < lines; i++)
        {
            filler.Append(i).Append(" [info] step ").Append(random.Next()).Append(" of run ").Append(runId).Append('\n');
        }

        var serverLog = $"[{index}] error: connect ECONNREFUSED 127.0.0.1:5432\n";
        var trace = new byte[random.Next(1_000, 150_000)];
        random.NextBytes(trace);
        var body = new JsonObject
        {
            ["run_id"] = runId,
            ["logs"] = new JsonArray(
                new JsonObject { ["name"] = "playwright.log", ["content"] = filler.ToString() },
                new JsonObject { ["name"] = "server/app.log", ["content"] = serverLog }),
            ["artifacts"] = new JsonArray(new JsonObject { ["name"] = "test-results/t/trace.zip", ["content"] = Convert.ToBase64String(trace), ["encoding"] = "base64" }),
        };
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["playwright.log"] = Encoding.UTF8.GetBytes(filler.ToString()),
            [Path.Combine("server", "app.log")] = Encoding.UTF8.GetBytes(serverLog),
            [Path.Combine("test-results", "t", "trace.zip")] = trace,
        };
        return new UploadRun(runId, Encoding.UTF8.GetBytes(body.ToJsonString()), files);
    }

    private sealed record UploadRun(string RunId, byte[] Body, Dictionary<string, byte[]> Files);

    private sealed class AgentProcess(string root) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Process? _process;
        private Uri? _baseAddress;

        public int Starts { get; private set; }

        public int Kills { get; private set; }

        /// <summary>Staging folders a killed process left behind: uploads interrupted in the middle of their writes.</summary>
        public int InterruptedWrites { get; private set; }

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
            info.Environment.Remove(DeveloperAgentApp.TokenSetting);
            if (token is not null)
            {
                info.Environment[DeveloperAgentApp.TokenSetting] = token;
            }

            return info;
        }

        public async Task<Uri> EnsureRunningAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_process is { HasExited: false } && _baseAddress is not null)
                {
                    return _baseAddress;
                }

                _process?.Dispose();
                var staging = Path.Combine(root, "logs", ".staging");
                InterruptedWrites += Directory.Exists(staging) ? Directory.GetDirectories(staging).Length : 0;
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
                _process = process;
                _baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
                return _baseAddress;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task KillAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_process is { HasExited: false })
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                    Kills++;
                }
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
