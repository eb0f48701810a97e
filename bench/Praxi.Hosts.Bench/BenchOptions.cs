using System.Globalization;

namespace Praxi.Hosts.Bench;

/// <summary><c>[--duration S] [--clients N] [--large-clients N] [--sizes 10KB,1MB,25MB] [--developer-agent DLL] [--cloud-agent DLL] [--storage DIR]</c> (DIR: where DeveloperAgent's temporary <c>Storage__Root</c> is made; default the temp folder).</summary>
internal sealed record BenchOptions(TimeSpan Duration, int Clients, int LargeClients, IReadOnlyList<long> Sizes, string? DeveloperAgentDll, string? CloudAgentDll, string? Storage)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(TimeSpan.FromSeconds(10), 8, 2, [10_000, 1_000_000, 25_000_000], null, null, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--clients" => options with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--large-clients" => options with { LargeClients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sizes" => options with { Sizes = [.. value.Split(',').Select(ParseSize)] },
                "--developer-agent" => options with { DeveloperAgentDll = value },
                "--cloud-agent" => options with { CloudAgentDll = value },
                "--storage" => options with { Storage = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    /// <summary>Warm-up before each cell: JIT, connection pools, the hosts' first allocations.</summary>
    public static TimeSpan Warmup(long size) => size >= 10_000_000 ? TimeSpan.Zero : TimeSpan.FromSeconds(2);

    public static string SizeName(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1_000_000).ToString(CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1000).ToString(CultureInfo.InvariantCulture) + " KB",
    };

    private static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        return t.EndsWith("MB", StringComparison.Ordinal) ? long.Parse(t[..^2], CultureInfo.InvariantCulture) * 1_000_000
            : t.EndsWith("KB", StringComparison.Ordinal) ? long.Parse(t[..^2], CultureInfo.InvariantCulture) * 1000
            : long.Parse(t, CultureInfo.InvariantCulture);
    }
}
