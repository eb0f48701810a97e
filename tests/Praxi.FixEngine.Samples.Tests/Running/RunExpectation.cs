namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>What run.sh judges a run by (its <c>--expect</c>).</summary>
internal enum RunExpectation
{
    /// <summary>Each suite fails exactly when the scenario's manifest lists failures for it.</summary>
    Manifest,

    /// <summary>Every chosen suite passes, with the scenario's breakage still switched on (a healed rerun).</summary>
    Pass,
}
