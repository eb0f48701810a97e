using Praxi.Hosts.Bench;

// dotnet Praxi.Hosts.Bench.dll [--duration S] [--clients N] [--sizes 10KB,1MB,25MB] [--json]
// dotnet Praxi.Hosts.Bench.dll serve-bare --urls http://127.0.0.1:PORT   (the bare endpoint, a child process of the benchmark)
if (args is ["serve-bare", "--urls", var url])
{
    await BareEndpoint.RunAsync(new Uri(url).Port).ConfigureAwait(false);
    return 0;
}

return await HostBenchmark.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
