using Praxi.FixEngine.Classification;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Analysis;

/// <summary>Settings of <see cref="FailureAnalyzer"/>.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The run id written into the report. <value>The default is <c>local</c>.</value></summary>
    public string RunId { get; set; } = "local";

    /// <summary>Rules added to the built-in ones (from <c>praxi.json</c> or code).</summary>
    public IList<ClassificationRule> Rules { get; } = [];

    /// <summary>Custom classifiers consulted after the rules; the more confident verdict wins.</summary>
    public IList<IFailureClassifier> Classifiers { get; } = [];

    /// <summary>The learned judge that weighs the rules' evidence; null for the one the library ships.</summary>
    public JudgeModel? Model { get; set; }

    /// <summary>True to classify with the rules alone, without the learned judge. <value>The default is false.</value></summary>
    public bool RulesOnly { get; set; }

    /// <summary>Below this confidence a failure is <c>unknown</c>. <value>The default is 0.5.</value></summary>
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>The most a raised timeout may become, in ms. <value>The default is 60000.</value></summary>
    public int MaxTimeoutMs { get; set; } = 60_000;

    /// <summary>Attempts a self-heal plan allows. <value>The default is 2.</value></summary>
    public int MaxSelfHealAttempts { get; set; } = 2;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="FixEngineException">One or more settings are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!RunIds.IsValid(RunId))
        {
            problems.Add($"run id '{RunId}' must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,127}}$");
        }

        if (MinConfidence is < 0 or > 1 || double.IsNaN(MinConfidence))
        {
            problems.Add("min confidence must be in [0, 1]");
        }

        if (MaxTimeoutMs <= 0)
        {
            problems.Add("max timeout must be positive");
        }

        if (MaxSelfHealAttempts < 0)
        {
            problems.Add("max self-heal attempts must not be negative");
        }

        foreach (var rule in Rules)
        {
            problems.AddRange(RuleSet.Validate(rule));
        }

        if (problems.Count > 0)
        {
            throw new FixEngineException($"Invalid analysis options: {string.Join("; ", problems)}.");
        }
    }
}
