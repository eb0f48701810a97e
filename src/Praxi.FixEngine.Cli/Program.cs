using Praxi.FixEngine.Cli;

return await PraxiCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
