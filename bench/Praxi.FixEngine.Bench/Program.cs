using Praxi.FixEngine.Bench;

return await BenchCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
