using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Healing;
using Praxi.FixEngine.Pipeline;

// Analyze a failed run, heal its broken selectors from the DOM evidence and plan a guarded patch: docs/embedding.md.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: Praxi.Embedding <artifacts> <repository> [baseline.json]");
    return 2;
}

var report = await new FailureAnalyzer().AnalyzeAsync(args[0]);
var healed = await new SelectorHealer().HealAsync(report, args[0], args.ElementAtOrDefault(2));
var fix = await new FixAgent().PlanAsync(FixInput.From(report with { FixAgentInstructions = healed.Instructions }), args[1]);

Console.WriteLine($"{report.Classification.ErrorType.ToName()}: {report.Classification.Failures.Count} failed test(s)");
Console.WriteLine($"{(fix.Allowed ? "allowed" : "refused")}: {fix.Metadata.Edits.Count} edit(s), {fix.Metadata.PrTitle}");
Console.Write(fix.Patch);
return fix.Allowed ? 0 : 1;
