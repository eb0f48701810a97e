using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Praxi.Workflows.Tests;

/// <summary>
/// The house rules for workflows and composite actions, beyond what actionlint checks: least privilege, actions pinned by
/// full commit SHA with their version in a comment, no expression text inside <c>run:</c>, no <c>pull_request_target</c>,
/// time limits, concurrency, checkouts that keep no credentials. <see cref="Check"/> returns one line per breach.
/// </summary>
internal static partial class WorkflowRules
{
    public static IReadOnlyList<string> Check(string text)
    {
        var yaml = WorkflowYaml.Parse(text);
        var findings = new List<string>();
        var isAction = WorkflowYaml.Get(yaml.Root, "runs") is not null;
        if (!isAction)
        {
            CheckWorkflow(yaml, findings);
        }

        foreach (var (where, step) in yaml.Steps)
        {
            CheckStep(yaml, where, step, isAction, findings);
        }

        return findings;
    }

    private static void CheckWorkflow(WorkflowYaml yaml, List<string> findings)
    {
        var triggers = Triggers(WorkflowYaml.Get(yaml.Root, "on"));
        if (triggers.Contains("pull_request_target"))
        {
            findings.Add("on: pull_request_target runs fork code with a write token and secrets; use pull_request");
        }

        if (WorkflowYaml.Get(yaml.Root, "permissions") is not { } permissions)
        {
            findings.Add("permissions: missing at the top level (use {} or contents: read)");
        }
        else if (Writes(permissions).ToList() is { Count: > 0 } writes)
        {
            findings.Add($"permissions: the top level grants {string.Join(", ", writes)}; grant writes per job");
        }

        if (WorkflowYaml.Get(yaml.Root, "concurrency") is null && triggers.Any(t => t != "workflow_call"))
        {
            findings.Add("concurrency: missing (a new push should not race the previous run)");
        }

        foreach (var (id, job) in yaml.Jobs)
        {
            if (WorkflowYaml.Get(job, "permissions") is not { } jobPermissions)
            {
                findings.Add($"job {id}: no permissions (least privilege per job)");
            }
            else if (Writes(jobPermissions).Where(w => w is "contents: write" or "write-all").ToList() is { Count: > 0 } pushes)
            {
                findings.Add($"job {id}: {string.Join(", ", pushes)} would let it push; the engine never pushes");
            }

            if (WorkflowYaml.Get(job, "uses") is { } called)
            {
                // A job calling a reusable workflow takes no timeout-minutes: the called workflow's jobs carry them.
                CheckUses(yaml, $"job {id}", called, findings);
            }
            else if (WorkflowYaml.Get(job, "timeout-minutes") is null)
            {
                findings.Add($"job {id}: no timeout-minutes");
            }
        }
    }

    private static void CheckStep(WorkflowYaml yaml, string where, YamlMappingNode step, bool isAction, List<string> findings)
    {
        if (WorkflowYaml.Get(step, "uses") is { } uses)
        {
            CheckUses(yaml, where, uses, findings);
            if (((YamlScalarNode)uses).Value!.StartsWith("actions/checkout@", StringComparison.Ordinal)
                && WorkflowYaml.Map(step, "with") is var with
                && (with is null || WorkflowYaml.Scalar(with, "persist-credentials") != "false"))
            {
                findings.Add($"{where}: actions/checkout without persist-credentials: false leaves the token in .git/config");
            }
        }

        if (WorkflowYaml.Scalar(step, "run") is { } run)
        {
            if (run.Contains("${{", StringComparison.Ordinal))
            {
                findings.Add($"{where}: an expression inside run: (pass it through env: and use \"$VARIABLE\")");
            }

            if (isAction && WorkflowYaml.Get(step, "shell") is null)
            {
                findings.Add($"{where}: a composite action's run step needs shell:");
            }
        }
    }

    private static void CheckUses(WorkflowYaml yaml, string where, YamlNode node, List<string> findings)
    {
        var uses = ((YamlScalarNode)node).Value!;
        if (uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith("docker://", StringComparison.Ordinal))
        {
            return;
        }

        if (!PinnedRef().IsMatch(uses))
        {
            findings.Add($"{where}: uses {uses} is not pinned to a full 40-hex commit SHA");
        }
        else if (!VersionComment().IsMatch(yaml.LineOf(node)))
        {
            findings.Add($"{where}: uses {uses} has no # vX.Y.Z comment naming the pinned release");
        }
    }

    private static HashSet<string> Triggers(YamlNode? on) => on switch
    {
        YamlScalarNode scalar => [scalar.Value!],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToHashSet(),
        YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value!).ToHashSet(),
        _ => [],
    };

    private static IEnumerable<string> Writes(YamlNode permissions) => permissions switch
    {
        YamlScalarNode { Value: "write-all" } => ["write-all"],
        YamlMappingNode map => map.Children
            .Where(kv => kv.Value is YamlScalarNode { Value: "write" })
            .Select(kv => $"{((YamlScalarNode)kv.Key).Value}: write"),
        _ => [],
    };

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedRef();

    [GeneratedRegex(@"#\s*v\d+(\.\d+)*\b")]
    private static partial Regex VersionComment();
}
