namespace Praxi.Workflows.Tests;

/// <summary>
/// The <c>run:</c> script of one step of a workflow or action, run for real the way a runner runs <c>shell: bash</c>:
/// <c>bash --noprofile --norc -eo pipefail FILE</c>, with the step's inputs as environment variables and
/// <c>GITHUB_OUTPUT</c> / <c>GITHUB_ENV</c> / <c>GITHUB_STEP_SUMMARY</c> files in a temp folder.
/// </summary>
internal sealed class StepScript : IDisposable
{
    private readonly TempFolder _dir = TempFolder.Create("step");

    public StepScript(string relativeFile, string stepIdOrName)
    {
        var yaml = WorkflowYaml.Parse(RepoFiles.Read(relativeFile));
        var step = yaml.Steps.Select(s => s.Step).SingleOrDefault(s =>
            WorkflowYaml.Scalar(s, "id") == stepIdOrName || WorkflowYaml.Scalar(s, "name") == stepIdOrName)
            ?? throw new InvalidOperationException($"{relativeFile} has no step {stepIdOrName}");
        Script = WorkflowYaml.Scalar(step, "run") ?? throw new InvalidOperationException($"step {stepIdOrName} has no run:");
    }

    public string Script { get; }

    /// <summary>A scratch folder for the test (deleted with this object); RUNNER_TEMP points here.</summary>
    public string Temp => _dir.Path;

    public string Output => ReadOrEmpty("github_output");

    public string Summary => ReadOrEmpty("github_step_summary");

    public string PathAdditions => ReadOrEmpty("github_path");

    public async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> env, TimeSpan? limit = null)
    {
        var file = Path.Combine(_dir.Path, "step.sh");
        await File.WriteAllTextAsync(file, Script);
        var all = new Dictionary<string, string>(env)
        {
            ["GITHUB_OUTPUT"] = Path.Combine(_dir.Path, "github_output"),
            ["GITHUB_ENV"] = Path.Combine(_dir.Path, "github_env"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_dir.Path, "github_step_summary"),
            ["GITHUB_PATH"] = Path.Combine(_dir.Path, "github_path"),
            ["RUNNER_TEMP"] = _dir.Path,
        };
        return await ChildProcess.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], _dir.Path, all, limit);
    }

    public void Dispose() => _dir.Dispose();

    private string ReadOrEmpty(string name)
    {
        var path = Path.Combine(_dir.Path, name);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}
