using Praxi.CloudAgent;
using Praxi.FixEngine;

try
{
    var app = CloudAgentApp.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (FixEngineException ex)
{
    await Console.Error.WriteLineAsync("CloudAgent cannot start: " + ex.Message).ConfigureAwait(false);
    return 2;
}
