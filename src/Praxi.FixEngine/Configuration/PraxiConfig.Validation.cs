namespace Praxi.FixEngine.Configuration;

/// <summary><c>praxi.json</c> <c>validation</c>: how a fix-agent patch is proven by a rerun.</summary>
public sealed partial class PraxiConfig
{
    private IEnumerable<string> ValidationProblems() => _dto is null ? ["no configuration"] : [];
}
