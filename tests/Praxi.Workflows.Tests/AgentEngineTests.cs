using YamlDotNet.RepresentationModel;

namespace Praxi.Workflows.Tests;

/// <summary>The shape of agent-engine.yml: the pipeline of issue 8, its gates, and who may write what.</summary>
public sealed class AgentEngineTests
{
    private static readonly WorkflowYaml Workflow = WorkflowYaml.Parse(RepoFiles.Read(".github/workflows/agent-engine.yml"));

    /// <summary>The jobs whose failure is the run's verdict: the environment gates and the end-to-end tests.</summary>
    private static readonly string[] Verdict = ["auth-validator", "seed-orchestrator", "page-smoke", "e2e-tests"];

    [Fact]
    public void Pipeline_RunsTheJobsInTheIssuesOrder()
    {
        var needs = Workflow.Jobs.ToDictionary(j => j.Id, j => Needs(j.Job));

        needs.Keys.Should().BeEquivalentTo(
            "auth-validator", "seed-orchestrator", "page-smoke", "e2e-tests", "send-ci-logs", "startup-fix-agent",
            "self-heal-supervisor", "self-heal-runner", "fix-agent-prep", "fix-agent-runner", "ci-dashboard-agent",
            "publish-dashboard", "post-dashboard-comment");
        needs["seed-orchestrator"].Should().Contain("auth-validator");
        needs["page-smoke"].Should().Contain("seed-orchestrator");
        needs["e2e-tests"].Should().Contain("page-smoke");
        needs["send-ci-logs"].Should().Contain("e2e-tests");
        needs["startup-fix-agent"].Should().Contain("e2e-tests");
        needs["self-heal-supervisor"].Should().Contain("startup-fix-agent");
        needs["self-heal-runner"].Should().Contain("self-heal-supervisor");
        needs["fix-agent-prep"].Should().Contain("e2e-tests");
        needs["fix-agent-runner"].Should().Contain("fix-agent-prep");
        needs["ci-dashboard-agent"].Should().Contain(["e2e-tests", "self-heal-runner", "fix-agent-runner"]);
        needs["publish-dashboard"].Should().Contain("ci-dashboard-agent");
        needs["post-dashboard-comment"].Should().Contain("ci-dashboard-agent");
    }

    [Fact]
    public void AgentJobs_CanNeverFailTheRun()
    {
        foreach (var (id, job) in Workflow.Jobs.Where(j => !Verdict.Contains(j.Id)))
        {
            var bestEffort = WorkflowYaml.Scalar(job, "continue-on-error") == "true"
                || (WorkflowYaml.Scalar(job, "uses") == "./.github/workflows/backend-setup.yml"
                    && WorkflowYaml.Map(job, "with") is { } with
                    && WorkflowYaml.Scalar(with, "best_effort") == "true"
                    && WorkflowYaml.Scalar(with, "fail_on_agent_error") == "false");
            bestEffort.Should().BeTrue($"{id} is an agent: its failure must not change the run's verdict");
        }

        foreach (var id in Verdict)
        {
            var job = Job(id);
            WorkflowYaml.Scalar(job, "continue-on-error").Should().BeNull($"{id} decides the verdict");
            if (WorkflowYaml.Map(job, "with") is { } with)
            {
                WorkflowYaml.Scalar(with, "best_effort").Should().BeNull();
                WorkflowYaml.Scalar(with, "fail_on_agent_error").Should().BeNull("a failed e2e run must fail the job");
            }
        }
    }

    [Fact]
    public void SelfHeal_RunsOnlyOnAManualDispatch_WithTheGateOn_AfterAFailedE2eRun()
    {
        var dispatch = WorkflowYaml.Map(WorkflowYaml.Map(Workflow.Root, "on")!, "workflow_dispatch")!;
        var inputs = WorkflowYaml.Map(dispatch, "inputs")!;
        foreach (var name in new[] { "self_heal", "enable_tunnel" })
        {
            var input = WorkflowYaml.Map(inputs, name)!;
            WorkflowYaml.Scalar(input, "type").Should().Be("boolean");
            WorkflowYaml.Scalar(input, "default").Should().Be("false", $"{name} is off unless someone turns it on");
        }

        var start = WorkflowYaml.Scalar(Job("startup-fix-agent"), "if");
        start.Should().Contain("github.event_name == 'workflow_dispatch'")
            .And.Contain("inputs.self_heal")
            .And.Contain("needs.e2e-tests.result == 'failure'");
        WorkflowYaml.Scalar(Job("self-heal-supervisor"), "if").Should().Contain("needs.startup-fix-agent.outputs.");
        WorkflowYaml.Scalar(Job("self-heal-runner"), "if").Should().Contain("needs.self-heal-supervisor.outputs.allowed == 'true'");
        RunText("self-heal-supervisor").Should().Contain("praxi self-heal decide").And.Contain("--require-manual-trigger");
        Agent("self-heal-runner").Should().Contain("praxi self-heal execute");
    }

    [Fact]
    public void FixAgent_ValidatesThePatch_AndOnlyUploadsIt()
    {
        Agent("fix-agent-runner").Should().Contain("praxi heal").And.Contain("--validate").And.NotContain("--apply");
        WorkflowYaml.Scalar(WorkflowYaml.Map(Job("fix-agent-runner"), "with")!, "artifact_paths").Should().Contain("praxi-out/");

        foreach (var file in RepoFiles.Workflows.Concat(RepoFiles.Actions))
        {
            RepoFiles.Read(file).Should().NotContain("git push", $"{file}: the engine never pushes");
        }
    }

    [Fact]
    public void OnlyPublishAndComment_MayWrite_EachExactlyWhatItNeeds()
    {
        var writes = Workflow.Jobs
            .SelectMany(j => WorkflowYaml.Map(j.Job, "permissions") is { } p
                ? p.Children.Where(kv => kv.Value is YamlScalarNode { Value: "write" }).Select(kv => $"{j.Id}: {kv.Key}")
                : [])
            .ToList();

        writes.Should().BeEquivalentTo("publish-dashboard: pages", "publish-dashboard: id-token", "post-dashboard-comment: pull-requests");
        WorkflowYaml.Get(Workflow.Root, "permissions").Should().BeOfType<YamlMappingNode>().Which.Children.Should().BeEmpty();
        WorkflowYaml.Scalar(Job("post-dashboard-comment"), "if").Should().Contain("github.event_name == 'pull_request'");
        RunText("post-dashboard-comment").Should().Contain("gh pr comment").And.Contain("--body-file");
    }

    [Fact]
    public void E2eArtifacts_AreUploadedWhateverHappened()
    {
        var backend = WorkflowYaml.Parse(RepoFiles.Read(".github/workflows/backend-setup.yml"));
        var uploads = backend.Steps.Select(s => s.Step)
            .Where(s => WorkflowYaml.Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true)
            .ToList();

        uploads.Should().HaveCount(2);
        uploads.Should().OnlyContain(s => WorkflowYaml.Scalar(s, "if")!.StartsWith("always()", StringComparison.Ordinal));
        WorkflowYaml.Scalar(WorkflowYaml.Map(Job("e2e-tests"), "with")!, "artifact_paths").Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Tunnel_IsOffByDefault_AndTimeLimited()
    {
        WorkflowYaml.Scalar(WorkflowYaml.Map(Job("e2e-tests"), "with")!, "enable_tunnel")
            .Should().Be("${{ github.event_name == 'workflow_dispatch' && inputs.enable_tunnel }}");
        var backend = WorkflowYaml.Parse(RepoFiles.Read(".github/workflows/backend-setup.yml"));
        var tunnel = backend.Steps.Select(s => s.Step).Single(s => WorkflowYaml.Scalar(s, "id") == "tunnel");

        WorkflowYaml.Scalar(tunnel, "if").Should().Be("inputs.enable_tunnel");
        WorkflowYaml.Scalar(tunnel, "timeout-minutes").Should().NotBeNull();
        WorkflowYaml.Scalar(tunnel, "run").Should().Contain("timeout \"${TUNNEL_MINUTES}m\" cloudflared tunnel").And.Contain("GITHUB_STEP_SUMMARY");
    }

    private static YamlMappingNode Job(string id) => Workflow.Jobs.Single(j => j.Id == id).Job;

    private static List<string> Needs(YamlMappingNode job) => WorkflowYaml.Get(job, "needs") switch
    {
        YamlScalarNode one => [one.Value!],
        YamlSequenceNode many => many.Children.OfType<YamlScalarNode>().Select(n => n.Value!).ToList(),
        _ => [],
    };

    private static string RunText(string id) => string.Join('\n', Workflow.Steps
        .Where(s => s.Where.StartsWith($"job {id},", StringComparison.Ordinal))
        .Select(s => WorkflowYaml.Scalar(s.Step, "run") ?? ""));

    private static string Agent(string id) => WorkflowYaml.Scalar(WorkflowYaml.Map(Job(id), "with")!, "agent_command")!;
}
