using YamlDotNet.RepresentationModel;

namespace Praxi.Workflows.Tests;

/// <summary>A workflow or action file parsed with YamlDotNet, with the few walks the checks need.</summary>
internal sealed class WorkflowYaml
{
    private WorkflowYaml(string text, YamlMappingNode root)
    {
        Lines = text.Split('\n');
        Root = root;
    }

    public IReadOnlyList<string> Lines { get; }

    public YamlMappingNode Root { get; }

    /// <summary>The <c>jobs:</c> of a workflow, by id (empty for an action).</summary>
    public IReadOnlyList<(string Id, YamlMappingNode Job)> Jobs =>
        Map(Root, "jobs") is { } jobs
            ? jobs.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, (YamlMappingNode)kv.Value)).ToList()
            : [];

    /// <summary>Every step with where it is: each job's <c>steps:</c>, or an action's <c>runs.steps</c>.</summary>
    public IReadOnlyList<(string Where, YamlMappingNode Step)> Steps
    {
        get
        {
            var steps = new List<(string, YamlMappingNode)>();
            foreach (var (id, job) in Jobs)
            {
                steps.AddRange(StepsOf(job).Select((s, i) => ($"job {id}, step {i + 1}", s)));
            }

            if (Map(Root, "runs") is { } runs)
            {
                steps.AddRange(StepsOf(runs).Select((s, i) => ($"runs, step {i + 1}", s)));
            }

            return steps;
        }
    }

    public static WorkflowYaml Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowYaml(text, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(YamlMappingNode map, string key) => Get(map, key) as YamlMappingNode;

    public static string? Scalar(YamlMappingNode map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    /// <summary>The source line a node starts on (1-based).</summary>
    public string LineOf(YamlNode node) => Lines[(int)node.Start.Line - 1];

    private static IEnumerable<YamlMappingNode> StepsOf(YamlMappingNode owner) =>
        Get(owner, "steps") is YamlSequenceNode steps ? steps.Children.OfType<YamlMappingNode>() : [];
}
