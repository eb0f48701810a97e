namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>A locator chain at the failing line, evaluated to its steps and canonical selector parts.</summary>
/// <param name="Chain">The chain as written at the failing line.</param>
/// <param name="Steps">Its locator steps, those of followed receivers first.</param>
/// <param name="Index">For each part, its step and its index within the step.</param>
/// <param name="Parts">The canonical selector parts.</param>
/// <param name="Problem">Why a step's parts are unknown, or null.</param>
/// <param name="Distance">Distance in characters from the reported column to the nearest link name on the line.</param>
internal sealed record LocatorCandidate(CallChain Chain, List<LocatorStep> Steps, List<(int Step, int Part)> Index, List<string> Parts, string? Problem, int Distance);
