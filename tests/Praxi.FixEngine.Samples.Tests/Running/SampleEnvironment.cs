using System.Text.Json;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>
/// A live environment of samples/scenarios/env.sh in a temp folder (its PRAXI_ENV_DIR): the app runs detached between
/// calls, and every call goes through the library's <see cref="ProcessRunner"/> with an argument list, as self-heal's
/// actions and reruns do. Disposing stops the app (<c>env.sh down</c>) and deletes the folder.
/// </summary>
internal sealed class SampleEnvironment : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    private readonly TempFolder _folder;

    private readonly bool _htmlReport;

    private SampleEnvironment(TempFolder folder, bool htmlReport)
    {
        _folder = folder;
        _htmlReport = htmlReport;
    }

    /// <summary>The samples folder: where praxi.json lives and its commands run.</summary>
    public static string Samples { get; } = Path.Combine(RepositoryRoot.Path, "samples");

    /// <summary>The environment's folder (PRAXI_ENV_DIR).</summary>
    public string Folder => _folder.Path;

    /// <summary>
    /// The variables every command gets: the environment's folder, no caller's switch to keep traces, and the HTML
    /// reporter when the environment was created with it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Variables => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["PRAXI_ENV_DIR"] = Folder,
        ["PRAXI_KEEP_TRACES"] = null,
        ["PRAXI_HTML_REPORT"] = _htmlReport ? "1" : null,
    };

    /// <summary>A new, empty environment folder (nothing runs yet).</summary>
    /// <param name="htmlReport">The TypeScript suite also writes playwright-report/ (collected with the other results).</param>
    public static SampleEnvironment Create(bool htmlReport = false) => new(TempFolder.Create("env"), htmlReport);

    /// <summary>Runs <c>bash samples/scenarios/env.sh</c> with <paramref name="args"/> and the given variables, from samples/.</summary>
    public static Task<ProcessOutcome> RunAsync(IReadOnlyDictionary<string, string?> variables, params string[] args) =>
        ProcessRunner.RunAsync(["bash", Path.Combine("scenarios", "env.sh"), .. args], Samples, Limit, variables);

    /// <summary>Runs env.sh against this environment.</summary>
    public Task<ProcessOutcome> RunAsync(params string[] args) => RunAsync(Variables, args);

    /// <summary>state.json's value for <paramref name="key"/>: a string as it is, anything else as JSON (<c>true</c>, <c>42</c>, <c>null</c>).</summary>
    public string? State(string key)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "state.json")));
        var value = doc.RootElement.GetProperty(key);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(Folder, "state.json")))
        {
            RunAsync("down").GetAwaiter().GetResult();
        }

        _folder.Dispose();
    }
}
