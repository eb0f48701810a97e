using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>One labelled run to train or score the judge on.</summary>
/// <param name="Input">The run's evidence.</param>
/// <param name="Label">Its type, as the run's resolution established it.</param>
/// <param name="Group">The project it comes from: folds never split a project between fitting and scoring.</param>
public sealed record JudgeExample(JudgeInput Input, ErrorType Label, string Group);
