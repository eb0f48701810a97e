using System.Globalization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>
/// The self-heal policy: checks the rules of <see cref="SelfHealRules"/> in order; the first that fails decides and is
/// named, with a reason that says what to do next. A pure function of the context, the settings and the trigger.
/// </summary>
internal static class SelfHealPolicy
{
    /// <summary>Decides whether <paramref name="context"/> may be healed.</summary>
    /// <param name="context">What prepare gathered (its attempts are the run's attempts so far).</param>
    /// <param name="settings">The policy.</param>
    /// <param name="runners">The configured test runners.</param>
    /// <param name="triggerSource">What started the heal, or null when unknown.</param>
    /// <param name="requireManualTrigger">The caller requires a manual trigger (on top of the policy).</param>
    /// <returns>The decision.</returns>
    public static SelfHealDecision Decide(
        SelfHealContext context, SelfHealSettings settings, IReadOnlyList<TestRunner> runners, string? triggerSource, bool requireManualTrigger)
    {
        var source = string.IsNullOrWhiteSpace(triggerSource) ? "none" : triggerSource.Trim();
        var trigger = new SelfHealDecision.TriggerInfo(
            source,
            settings.ManualTriggers.Contains(source, StringComparer.OrdinalIgnoreCase),
            requireManualTrigger || settings.RequireManualTrigger);
        var previous = context.Attempts.Count(a => a.RunId == context.RunId);
        var decision = new SelfHealDecision
        {
            RunId = context.RunId,
            Allowed = false,
            Rule = SelfHealRules.Eligible,
            Reason = string.Empty,
            Attempt = previous + 1,
            MaxAttempts = settings.MaxAttempts,
            Trigger = trigger,
            ErrorType = context.Classification?.ErrorType,
            Confidence = context.Classification?.Confidence,
        };

        if (!settings.Enabled)
        {
            return Refuse(decision, SelfHealRules.Disabled, "self-heal is disabled in praxi.json (self_heal.enabled is false)");
        }

        if (context.Analysis.Source == SelfHealContext.FromNothing || context.Classification is null)
        {
            return Refuse(decision, SelfHealRules.NoAnalysis,
                $"no usable analysis ({context.Analysis.Problem ?? "none was given"}), so nothing proves the failure is safe to heal; run 'praxi self-heal prepare' with --analysis analysis.json or --artifacts <folder of the run's test output>");
        }

        var classification = context.Classification;
        if (classification.Failures.Count == 0)
        {
            return Refuse(decision, SelfHealRules.NoFailures, "the analysis reports no failed test: there is nothing to heal");
        }

        if (trigger.Required && !trigger.Manual)
        {
            return Refuse(decision, SelfHealRules.ManualTriggerRequired,
                $"a manual trigger is required and the trigger source is '{source}'; start the heal from one of: {string.Join(", ", settings.ManualTriggers)}");
        }

        if (previous >= settings.MaxAttempts)
        {
            return Refuse(decision, SelfHealRules.AttemptsExhausted,
                $"run {context.RunId} already had {previous} self-heal attempt(s) of the {settings.MaxAttempts} allowed: a failure that survives them needs a person or the fix agent");
        }

        var excluded = new List<SelfHealDecision.Exclusion>();
        var eligible = new List<SelfHealContext.FailureInfo>();
        foreach (var failure in classification.Failures.DistinctBy(f => f.Test, StringComparer.Ordinal))
        {
            if (settings.IsEligible(failure.ErrorType))
            {
                eligible.Add(failure);
            }
            else
            {
                excluded.Add(new SelfHealDecision.Exclusion(failure.Test, failure.ErrorType, WhyIneligible(failure.ErrorType, settings)));
            }
        }

        decision = decision with { Excluded = excluded };
        if (eligible.Count == 0)
        {
            var types = excluded.Select(e => e.Type).Distinct().ToList();
            return Refuse(decision, SelfHealRules.IneligibleType,
                string.Join("; ", types.Select(t => $"{t.ToName()} is not eligible: {WhyIneligible(t, settings)}")));
        }

        var type = settings.IsEligible(classification.ErrorType) && eligible.Any(f => f.ErrorType == classification.ErrorType)
            ? classification.ErrorType
            : eligible.GroupBy(f => f.ErrorType).OrderByDescending(g => g.Count()).First().Key;
        var confidence = type == classification.ErrorType ? classification.Confidence : eligible.Where(f => f.ErrorType == type).Max(f => f.Confidence);
        var actions = eligible.Select(f => f.ErrorType).Distinct().SelectMany(settings.PlanFor)
            .Where(a => a != SelfHealSettings.Rerun).Distinct(StringComparer.Ordinal).Append(SelfHealSettings.Rerun).ToList();
        decision = decision with { ErrorType = type, Confidence = confidence, Actions = actions };

        if (confidence < settings.MinConfidence)
        {
            return Refuse(decision, SelfHealRules.LowConfidence, string.Create(CultureInfo.InvariantCulture,
                $"the classification {type.ToName()} has confidence {confidence:0.00}, below self_heal.min_confidence {settings.MinConfidence:0.00}: a person should confirm the cause first"));
        }

        var missing = actions.Where(a => a != SelfHealSettings.Rerun && !settings.Actions.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            return Refuse(decision, SelfHealRules.ActionsUnavailable,
                $"the plan for {type.ToName()} needs {string.Join(", ", missing)}, which praxi.json does not configure; add self_heal.actions.{missing[0]} = {{ \"command\": [\"…\"] }} (an argument list), or set self_heal.plans.{type.ToName()} to the actions you have");
        }

        var targets = new List<string>();
        var all = SelfHealTargets.Of(context);
        foreach (var target in all.Where(t => eligible.Any(f => f.Test == t.Test)))
        {
            if (target.IsTest && runners.Any(r => r.Selects(target)))
            {
                targets.Add(target.Test);
            }
            else
            {
                var failure = eligible.First(f => f.Test == target.Test);
                excluded.Add(new SelfHealDecision.Exclusion(target.Test, failure.ErrorType,
                    target.IsTest ? "no 'tests' runner in praxi.json selects it, so a rerun cannot prove it healed" : "a run-level failure, not a test that can be rerun"));
            }
        }

        decision = decision with { Excluded = excluded, Targets = targets };
        if (targets.Count == 0)
        {
            return Refuse(decision, SelfHealRules.NoRunner, runners.Count == 0
                ? "praxi.json has no 'tests' runner, so nothing can rerun the failed tests to prove the heal; add one (docs/configuration.md, tests)"
                : $"no 'tests' runner ({string.Join(", ", runners.Select(r => r.Name))}) selects the failed tests, so nothing can prove the heal; set the runner's framework or match");
        }

        return decision with
        {
            Allowed = true,
            Rule = SelfHealRules.Eligible,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"{type.ToName()} ({confidence:0.00}) is eligible: {string.Join(", ", actions)} for {targets.Count} test(s), attempt {decision.Attempt} of {settings.MaxAttempts}{(excluded.Count > 0 ? $"; {excluded.Count} failure(s) excluded" : string.Empty)}"),
        };
    }

    private static string WhyIneligible(ErrorType type, SelfHealSettings settings) =>
        SelfHealSettings.NeverEligible.Contains(type)
            ? SelfHealPlans.For(type, settings.MaxAttempts).Reason
            : $"{type.ToName()} is not in self_heal.eligible_types";

    private static SelfHealDecision Refuse(SelfHealDecision decision, string rule, string reason) =>
        decision with { Allowed = false, Rule = rule, Reason = reason };
}
