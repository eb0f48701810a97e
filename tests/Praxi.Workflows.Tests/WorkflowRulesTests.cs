namespace Praxi.Workflows.Tests;

/// <summary>The house rules (<see cref="WorkflowRules"/>) on the repository's files, and on broken copies of a good one.</summary>
public sealed class WorkflowRulesTests
{
    private const string Good = """
        name: good
        on:
          push:
          pull_request:
        permissions:
          contents: read
        concurrency:
          group: good-${{ github.ref }}
        jobs:
          build:
            runs-on: ubuntu-latest
            timeout-minutes: 10
            permissions:
              contents: read
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                with:
                  persist-credentials: false
              - env:
                  TITLE: ${{ github.event.pull_request.title }}
                run: echo "$TITLE"
          call:
            needs: build
            permissions:
              contents: read
            uses: ./.github/workflows/backend-setup.yml
            with:
              app_project: app.csproj
        """;

    public static TheoryData<string, string, string> Breaches => new()
    {
        { "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "uses: actions/checkout@v4", "not pinned to a full 40-hex commit SHA" },
        { "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "no # vX.Y.Z comment" },
        { "uses: ./.github/workflows/backend-setup.yml", "uses: octo/flows/.github/workflows/x.yml@main", "not pinned to a full 40-hex commit SHA" },
        { "  pull_request:\n", "  pull_request_target:\n", "pull_request_target" },
        { "permissions:\n  contents: read\nconcurrency", "concurrency", "missing at the top level" },
        { "permissions:\n  contents: read\nconcurrency", "permissions: write-all\nconcurrency", "the top level grants write-all" },
        { "permissions:\n  contents: read\nconcurrency", "permissions:\n  issues: write\nconcurrency", "the top level grants issues: write" },
        { "concurrency:\n  group: good-${{ github.ref }}\n", "", "concurrency: missing" },
        { "    timeout-minutes: 10\n", "", "job build: no timeout-minutes" },
        { "    timeout-minutes: 10\n    permissions:\n      contents: read\n", "    timeout-minutes: 10\n", "job build: no permissions" },
        { "    needs: build\n    permissions:\n      contents: read\n", "    needs: build\n", "job call: no permissions" },
        { "    timeout-minutes: 10\n    permissions:\n      contents: read\n", "    timeout-minutes: 10\n    permissions:\n      contents: write\n", "would let it push" },
        { "run: echo \"$TITLE\"", "run: echo \"${{ github.event.pull_request.title }}\"", "an expression inside run:" },
        { "run: echo \"$TITLE\"", "run: echo \"${{ inputs.name }}\"", "an expression inside run:" },
        { "        with:\n          persist-credentials: false\n", "", "without persist-credentials: false" },
        { "          persist-credentials: false", "          persist-credentials: true", "without persist-credentials: false" },
    };

    [Fact]
    public void EveryWorkflowAndAction_FollowsTheHouseRules()
    {
        var files = RepoFiles.Workflows.Concat(RepoFiles.Actions).ToList();
        files.Should().HaveCountGreaterThanOrEqualTo(4);

        foreach (var file in files)
        {
            WorkflowRules.Check(RepoFiles.Read(file)).Should().BeEmpty($"{file} should follow the rules");
        }
    }

    [Fact]
    public void TheGoodWorkflow_HasNoFinding() => WorkflowRules.Check(Good).Should().BeEmpty();

    [Theory]
    [MemberData(nameof(Breaches))]
    public void OneBreach_IsReported(string find, string replace, string expected)
    {
        Good.Should().Contain(find, "the breach is made by changing the good workflow");

        var findings = WorkflowRules.Check(Good.Replace(find, replace, StringComparison.Ordinal));

        findings.Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Fact]
    public void ACompositeAction_NeedsAShellOnEachRunStep_AndNoExpressionInIt()
    {
        const string Action = """
            name: a
            description: d
            runs:
              using: composite
              steps:
                - run: echo hi
                - shell: bash
                  run: echo "${{ inputs.args }}"
                - shell: bash
                  env:
                    ARGS: ${{ inputs.args }}
                  run: echo "$ARGS"
                - uses: actions/setup-dotnet@v4
            """;

        var findings = WorkflowRules.Check(Action);

        findings.Should().HaveCount(3);
        findings.Should().ContainSingle(f => f.StartsWith("runs, step 1:") && f.Contains("needs shell:"));
        findings.Should().ContainSingle(f => f.StartsWith("runs, step 2:") && f.Contains("an expression inside run:"));
        findings.Should().ContainSingle(f => f.StartsWith("runs, step 4:") && f.Contains("not pinned"));
    }
}
