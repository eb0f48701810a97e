using System.Globalization;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.SelfHeal;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// Self-heal: safe non-code remediation of a failed run under a policy. Three stages, each reading what the previous
/// one wrote under <c>&lt;out&gt;/self-heal/</c>, so each can run in another job: <see cref="PrepareAsync"/> (context.json),
/// <see cref="DecideAsync"/> (decision.json), <see cref="ExecuteAsync"/> (report-&lt;run_id&gt;.json); <see cref="RunAsync"/>
/// runs all three. See docs/self-heal.md.
/// </summary>
/// <example>
/// <code>
/// var result = await new SelfHealPipeline().RunAsync(new SelfHealRequest { RepositoryRoot = repo, OutputFolder = "out", Analysis = report });
/// if (!result.Allowed) Console.WriteLine($"{result.Rule}: {result.Reason}");
/// </code>
/// </example>
public sealed class SelfHealPipeline
{
    private readonly TimeProvider _time;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="timeProvider">Stamps attempts and contexts. <value>The default is <see cref="TimeProvider.System"/>.</value></param>
    public SelfHealPipeline(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Gathers the analysis (given, read, or made from the artifacts; none is a valid, conservative outcome), the
    /// run's attempts and the configured actions and runners into <c>self-heal/context.json</c>.</summary>
    /// <param name="request">Needs <see cref="SelfHealRequest.RepositoryRoot"/> and <see cref="SelfHealRequest.OutputFolder"/>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The result (analysis source, type).</returns>
    /// <exception cref="FixEngineException">The repository is missing, the run id or the configuration is invalid.</exception>
    public async Task<SelfHealResult> PrepareAsync(SelfHealRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repo = RepositoryOf(request, null);
        var config = request.Config ?? PraxiConfig.Load(null, repo);
        var (analysis, source) = await AnalysisOfAsync(request, config, cancellationToken).ConfigureAwait(false);
        var runId = request.RunId ?? analysis?.RunId ?? "local";
        if (!RunIds.IsValid(runId))
        {
            throw new FixEngineException($"run id '{runId}' is not valid (letters, digits, '.', '_', '-', at most 128); pass --run-id.");
        }

        var context = new SelfHealContext
        {
            RunId = runId,
            PreparedAt = _time.GetUtcNow(),
            Repository = repo,
            Analysis = source,
            Classification = analysis is null ? null : new SelfHealContext.ClassificationInfo(
                analysis.Classification.ErrorType,
                analysis.Classification.Confidence,
                [.. analysis.Classification.Failures.Select(f => new SelfHealContext.FailureInfo(f.Test, f.ErrorType, f.Confidence, f.Message, f.File, f.Line, f.Framework, f.TestFile, f.TestLine, f.Language, f.Runner))]),
            Attempts = [.. SelfHealStore.ReadAttempts(request.OutputFolder).Where(a => a.RunId == runId)],
            Actions = [.. config.SelfHeal.Actions.Values.Select(a => new SelfHealContext.ActionInfo(a.Name, a.Command, a.WorkingDirectory, (int)a.Timeout.TotalSeconds, [.. a.Environment.Keys]))],
            Runners = [.. config.TestRunners.Select(r => new SelfHealContext.RunnerInfo(r.Name, r.Command, r.FullCommand, r.WorkingDirectory, r.Results))],
        };
        var path = SelfHealStore.ContextPath(request.OutputFolder);
        await SelfHealStore.WriteAsync(path, context, cancellationToken).ConfigureAwait(false);
        return new SelfHealResult
        {
            RunId = runId,
            AnalysisSource = source.Source,
            ErrorType = context.Classification?.ErrorType,
            Summary = context.Classification is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"{c.ErrorType.ToName()} ({c.Confidence:0.00}), {c.Failures.Count} failed test(s) from {source.Source}; {context.Attempts.Count} earlier attempt(s)")
                : $"no usable analysis ({source.Problem}): the decision will be conservative",
            OutputFile = path,
        };
    }

    /// <summary>Applies the policy to <c>self-heal/context.json</c> and writes <c>self-heal/decision.json</c>.</summary>
    /// <param name="request">Needs <see cref="SelfHealRequest.OutputFolder"/>; reads the trigger and the manual gate.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The result with the decision.</returns>
    /// <exception cref="FixEngineException">context.json is missing or malformed, or the configuration is invalid.</exception>
    public async Task<SelfHealResult> DecideAsync(SelfHealRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = SelfHealStore.Read<SelfHealContext>(SelfHealStore.ContextPath(request.OutputFolder), "praxi self-heal prepare");

        // attempts.json is newer than the context when execute ran since prepare.
        context = context with { Attempts = [.. SelfHealStore.ReadAttempts(request.OutputFolder).Where(a => a.RunId == context.RunId)] };
        var config = request.Config ?? PraxiConfig.Load(null, RepositoryOf(request, context));
        var decision = SelfHealPolicy.Decide(context, config.SelfHeal, config.TestRunners, request.TriggerSource, request.RequireManualTrigger) with { DecidedAt = _time.GetUtcNow() };
        var path = SelfHealStore.DecisionPath(request.OutputFolder);
        await SelfHealStore.WriteAsync(path, decision, cancellationToken).ConfigureAwait(false);
        return ResultOf(decision, context, path);
    }

    /// <summary>Runs the heal <c>self-heal/decision.json</c> allows and writes <c>self-heal/report-&lt;run_id&gt;.json</c>
    /// (also when it refuses, with status <c>refused</c>, or when an action throws).</summary>
    /// <param name="request">Needs <see cref="SelfHealRequest.RepositoryRoot"/> and <see cref="SelfHealRequest.OutputFolder"/>.</param>
    /// <param name="cancellationToken">Kills the running process; the report is still written.</param>
    /// <returns>The result with the status and each test's verdict.</returns>
    /// <exception cref="FixEngineException">decision.json or context.json is missing or malformed, the configuration is invalid.</exception>
    public async Task<SelfHealResult> ExecuteAsync(SelfHealRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = SelfHealStore.Read<SelfHealDecision>(SelfHealStore.DecisionPath(request.OutputFolder), "praxi self-heal decide");
        var context = SelfHealStore.Read<SelfHealContext>(SelfHealStore.ContextPath(request.OutputFolder), "praxi self-heal prepare");
        var repo = RepositoryOf(request, context);
        var config = request.Config ?? PraxiConfig.Load(null, repo);
        var report = await new SelfHealExecutor(_time)
            .ExecuteAsync(repo, request.OutputFolder, context, decision, config.SelfHeal, config.TestRunners, request.FullSuite, cancellationToken)
            .ConfigureAwait(false);
        return ResultOf(decision, context, SelfHealStore.ReportPath(request.OutputFolder, report.RunId)) with
        {
            Rule = report.Rule,
            Status = report.Status,
            Verdicts = [.. report.Rerun.Where(r => r.Scope == "subset").SelectMany(r => r.Results).Select(v => new SelfHealVerdict(v.Test, v.Status, v.Verdict, v.Message))],
            ChangedFiles = report.Tree?.Changed ?? [],
            Summary = $"{report.Status}: {report.Summary}",
        };
    }

    /// <summary>Prepare, decide and (when allowed) execute in one go.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels; a started heal still writes its report.</param>
    /// <returns>The last stage's result: the decision's when refused, else the execution's.</returns>
    /// <exception cref="FixEngineException">Bad input (see the stages).</exception>
    public async Task<SelfHealResult> RunAsync(SelfHealRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        var decided = await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        return decided.Allowed ? await ExecuteAsync(request, cancellationToken).ConfigureAwait(false) : decided;
    }

    private static SelfHealResult ResultOf(SelfHealDecision decision, SelfHealContext context, string path) => new()
    {
        RunId = decision.RunId,
        AnalysisSource = context.Analysis.Source,
        ErrorType = decision.ErrorType,
        Allowed = decision.Allowed,
        Rule = decision.Rule,
        Reason = decision.Reason,
        Actions = decision.Actions,
        Summary = $"{(decision.Allowed ? "allowed" : "refused")} ({decision.Rule}): {decision.Reason}",
        OutputFile = path,
    };

    private static string RepositoryOf(SelfHealRequest request, SelfHealContext? context)
    {
        var repo = request.RepositoryRoot ?? context?.Repository
            ?? throw new FixEngineException("no repository given; pass --repo <the repository under test>.");
        return Directory.Exists(repo) ? Path.GetFullPath(repo) : throw new FixEngineException($"repository '{repo}' does not exist.");
    }

    /// <summary>The analysis to heal from, and where it came from; a missing or unreadable one is a reason, not an error.</summary>
    private static async Task<(AnalysisReport? Report, SelfHealContext.SourceInfo Source)> AnalysisOfAsync(
        SelfHealRequest request, PraxiConfig config, CancellationToken cancellationToken)
    {
        if (request.Analysis is not null)
        {
            return (request.Analysis, new SelfHealContext.SourceInfo(SelfHealContext.FromAnalysis, null, null));
        }

        var problems = new List<string>();
        if (request.AnalysisPath is { } file)
        {
            try
            {
                if (!File.Exists(file))
                {
                    throw new FixEngineException($"'{file}' does not exist");
                }

                var report = AnalysisJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
                return (report, new SelfHealContext.SourceInfo(SelfHealContext.FromAnalysis, file, null));
            }
            catch (FixEngineException ex)
            {
                problems.Add($"analysis {ex.Message.TrimEnd('.')}");
            }
        }

        if (request.ArtifactsPath is { } artifacts)
        {
            try
            {
                var options = new AnalysisOptions { RunId = request.RunId ?? "local" };
                config.ApplyTo(options);
                var report = await new FailureAnalyzer(options).AnalyzeAsync(artifacts, cancellationToken).ConfigureAwait(false);
                return (report, new SelfHealContext.SourceInfo(SelfHealContext.FromArtifacts, artifacts, problems.Count > 0 ? string.Join("; ", problems) : null));
            }
            catch (FixEngineException ex)
            {
                problems.Add($"artifacts: {ex.Message.TrimEnd('.')}");
            }
        }

        if (problems.Count == 0)
        {
            problems.Add("neither an analysis.json nor the run's artifacts were given");
        }

        return (null, new SelfHealContext.SourceInfo(SelfHealContext.FromNothing, request.AnalysisPath ?? request.ArtifactsPath, string.Join("; ", problems)));
    }
}
