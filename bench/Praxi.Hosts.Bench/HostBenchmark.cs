using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Praxi.Hosts.Bench;

/// <summary>
/// Starts the bare endpoint, DeveloperAgent and CloudAgent (forwarding to it) as child processes on 127.0.0.1, then
/// for each body size runs N concurrent clients for a fixed duration against the bare endpoint, DeveloperAgent alone
/// and CloudAgent → DeveloperAgent, and prints requests/s and p50/p99 side by side. Every request has its own run_id
/// (the hosts are idempotent on it and would otherwise replay a stored answer).
/// </summary>
internal static class HostBenchmark
{
    private const string AgentToken = "bench-agent-token-0123456789abcdef";
    private const string DeveloperToken = "bench-developer-token-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = BenchOptions.Parse(args);
        var nonce = Guid.NewGuid().ToString("N")[..8];
        var storage = Path.Combine(options.Storage ?? Path.GetTempPath(), $"praxi-hosts-bench-{nonce}");
        Directory.CreateDirectory(storage);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var self = typeof(HostBenchmark).Assembly.Location;
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg").ConfigureAwait(false)).Trim() : "n/a";
        await output.WriteLineAsync($"# Host benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before: {load}").ConfigureAwait(false);
        await output.WriteLineAsync($"duration {options.Duration.TotalSeconds:0} s per cell, clients {options.Clients} (25 MB: {options.LargeClients}), DeveloperAgent storage under {storage}").ConfigureAwait(false);

        await using var bare = await ChildHost.StartAsync("bare", self, ["serve-bare"], new Dictionary<string, string>(), client).ConfigureAwait(false);
        await using var developer = await ChildHost.StartAsync("DeveloperAgent", HostDll(options, "Praxi.DeveloperAgent"), [],
            new Dictionary<string, string> { ["DEVELOPER_AGENT_TOKEN"] = DeveloperToken, ["Storage__Root"] = storage }, client).ConfigureAwait(false);
        await using var cloud = await ChildHost.StartAsync("CloudAgent", HostDll(options, "Praxi.CloudAgent"), [],
            new Dictionary<string, string> { ["AGENT_TOKEN"] = AgentToken, ["DEVELOPER_AGENT_URL"] = developer.BaseUrl, ["DEVELOPER_AGENT_TOKEN"] = DeveloperToken }, client).ConfigureAwait(false);

        await using var relay = await ChildHost.StartAsync("CloudAgent (relay)", HostDll(options, "Praxi.CloudAgent"), [],
            new Dictionary<string, string> { ["AGENT_TOKEN"] = AgentToken, ["DEVELOPER_AGENT_URL"] = bare.BaseUrl, ["DEVELOPER_AGENT_TOKEN"] = DeveloperToken }, client).ConfigureAwait(false);

        var targets = new (string Name, string Url, string Token)[]
        {
            ("bare endpoint", bare.BaseUrl + BareEndpoint.Path, AgentToken),
            ("CloudAgent → bare upstream", relay.BaseUrl + "/api/ci/logs", AgentToken),
            ("DeveloperAgent (1 hop)", developer.BaseUrl + "/process-logs", DeveloperToken),
            ("CloudAgent → DeveloperAgent (2 hops)", cloud.BaseUrl + "/api/ci/logs", AgentToken),
        };
        var results = new List<CellResult>();
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| body | target | clients | ok | errors | req/s | p50 ms | p99 ms |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
        try
        {
            foreach (var size in options.Sizes)
            {
                var tail = BodyTail(size);
                var clients = size >= 10_000_000 ? options.LargeClients : options.Clients;
                foreach (var (name, url, token) in targets)
                {
                    var label = $"{nonce}-{size}-{results.Count}";
                    await LoadAsync(client, url, token, tail, clients, BenchOptions.Warmup(size), label + "w", warmup: true).ConfigureAwait(false);
                    var cell = await LoadAsync(client, url, token, tail, clients, options.Duration, label, warmup: false).ConfigureAwait(false);
                    cell = cell with { Size = size, Target = name, Clients = clients };
                    results.Add(cell);
                    await output.WriteLineAsync(cell.Row()).ConfigureAwait(false);
                    if (cell.FirstError is { } first)
                    {
                        await error.WriteLineAsync($"  first error on {name}, {BenchOptions.SizeName(size)}: {first}").ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg").ConfigureAwait(false)).Trim() : "n/a";
            try
            {
                Directory.Delete(storage, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"load average after: {load}").ConfigureAwait(false);
        var small = options.Sizes.Min();
        var bareSmall = results.FirstOrDefault(r => r.Size == small && r.Target == targets[0].Name);
        var chainSmall = results.FirstOrDefault(r => r.Size == small && r.Target == targets[3].Name);
        if (bareSmall is not null && chainSmall is not null && bareSmall.RequestsPerSecond > 0)
        {
            var ratio = chainSmall.RequestsPerSecond / bareSmall.RequestsPerSecond;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{BenchOptions.SizeName(small)}: two hops reach {ratio:0.00} of the bare endpoint's requests/s (target ≥ 0.50: {(ratio >= 0.5 ? "met" : "NOT met")})")).ConfigureAwait(false);
        }

        var large = options.Sizes.Max();
        var chainLarge = results.FirstOrDefault(r => r.Size == large && r.Target == targets[3].Name);
        if (chainLarge is not null && large >= 10_000_000)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{BenchOptions.SizeName(large)}: two hops p99 {chainLarge.P99:0} ms (target < 3000 ms: {(chainLarge.P99 < 3000 && chainLarge.Errors == 0 ? "met" : "NOT met")})")).ConfigureAwait(false);
        }

        return 0;
    }

    private static string HostDll(BenchOptions options, string name)
    {
        var explicitPath = name == "Praxi.DeveloperAgent" ? options.DeveloperAgentDll : options.CloudAgentDll;
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        // bench/Praxi.Hosts.Bench/bin/<Configuration>/net10.0/ → the same folder of the host's project under src/.
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var tfm = Path.GetFileName(here);
        var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
        var src = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "..", "src"));
        return Path.Combine(src, name, "bin", configuration, tfm, name + ".dll");
    }

    /// <summary>
    /// The body after <c>{"run_id":"…",</c>: a valid payload of <paramref name="size"/> bytes in all (with a run id of
    /// 40 characters) whose log ends in a Playwright failure, so DeveloperAgent's analysis has something to find.
    /// </summary>
    private static byte[] BodyTail(long size)
    {
        const string Failure = "  1) [chromium] › e2e/login.spec.ts:12:26 › login › signs in\n    TimeoutError: locator.click: Timeout 30000ms exceeded.\n    Call log:\n      - waiting for locator('#login-btn')\n\n  1 failed\n";
        byte[] Build(string content)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("repository", "bench/shop");
                writer.WriteString("workflow", "e2e");
                writer.WriteStartArray("logs");
                writer.WriteStartObject();
                writer.WriteString("name", "playwright.log");
                writer.WriteString("content", content);
                writer.WriteString("encoding", "utf-8");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartArray("artifacts");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            // Drop the leading '{': the prefix carries it with the run id.
            return stream.ToArray()[1..];
        }

        var overhead = Build(Failure).Length + $"{{\"run_id\":\"{new string('x', 40)}\",".Length;
        var text = new StringBuilder();
        var budget = size - overhead;
        for (var i = 0; ; i++)
        {
            var line = $"  ✓  {i} [chromium] › e2e/cart.spec.ts:{i % 400}:5 › cart › adds item {i} to the cart ({i % 997}ms)\n";
            var bytes = Encoding.UTF8.GetByteCount(line) + 1; // '\n' is escaped as two bytes
            if (bytes > budget)
            {
                break;
            }

            text.Append(line);
            budget -= bytes;
        }

        return Build(text.Append(Failure).ToString());
    }

    private static async Task<CellResult> LoadAsync(HttpClient client, string url, string token, byte[] tail, int clients, TimeSpan duration, string label, bool warmup)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var counter = 0;
        var workers = Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration || (warmup && mine.Count == 0))
            {
                var runId = $"b{label}-{Interlocked.Increment(ref counter):D9}".PadRight(40, '0')[..40];
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new PrefixedContent(Encoding.UTF8.GetBytes($"{{\"run_id\":\"{runId}\","), tail) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request).ConfigureAwait(false);
                    var answer = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 300)]}", null);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
            }
        }).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var wall = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new CellResult(0, string.Empty, clients, all.Count, errors, all.Count / wall, Percentile(all, 0.50), Percentile(all, 0.99), firstError);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>A body sent as a small per-request prefix (the run id) and a shared tail, without copying the tail.</summary>
    private sealed class PrefixedContent : HttpContent
    {
        private readonly byte[] _prefix;
        private readonly byte[] _tail;

        public PrefixedContent(byte[] prefix, byte[] tail)
        {
            _prefix = prefix;
            _tail = tail;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_prefix).ConfigureAwait(false);
            await stream.WriteAsync(_tail).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _prefix.LongLength + _tail.LongLength;
            return true;
        }
    }
}

/// <summary>One cell of the table.</summary>
internal sealed record CellResult(long Size, string Target, int Clients, int Ok, int Errors, double RequestsPerSecond, double P50, double P99, string? FirstError)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {BenchOptions.SizeName(Size)} | {Target} | {Clients} | {Ok} | {Errors} | {RequestsPerSecond:0.0} | {P50:0.0} | {P99:0.0} |");
}
