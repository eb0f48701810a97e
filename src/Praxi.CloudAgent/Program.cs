using Praxi.CloudAgent;
using Praxi.Hosting;

return await HostStartup.RunAsync("CloudAgent", () => CloudAgentApp.Build(args)).ConfigureAwait(false);
