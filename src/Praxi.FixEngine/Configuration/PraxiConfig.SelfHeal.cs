namespace Praxi.FixEngine.Configuration;

/// <summary><c>praxi.json</c> <c>self_heal</c>: the policy and the actions of self-heal.</summary>
public sealed partial class PraxiConfig
{
    private IEnumerable<string> SelfHealProblems() => _dto is null ? ["no configuration"] : [];
}
