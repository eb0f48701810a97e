namespace Praxi.FixEngine.Samples.Tests;

/// <summary>Runs go one at a time: they share the suites' folders, the build outputs and two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScenarioRunner
{
    public const string Name = "scenario-runner";
}
