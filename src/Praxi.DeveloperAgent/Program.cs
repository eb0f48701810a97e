using Praxi.DeveloperAgent;
using Praxi.Hosting;

return await HostStartup.RunAsync("DeveloperAgent", () => DeveloperAgentApp.Build(args)).ConfigureAwait(false);
