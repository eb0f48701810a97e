namespace PraxiShop.Breakage;

/// <summary>
/// The breakage switch read once at start-up (config <c>Break</c> or env <c>PRAXISHOP_BREAK</c>). Each name changes
/// markup or behaviour the way real apps break, so a failing end-to-end scenario is reproducible.
/// </summary>
internal sealed class BreakMode
{
    public const string RenamedSelector = "renamed-selector";
    public const string ChangedText = "changed-text";
    public const string MovedElement = "moved-element";
    public const string DuplicatedElement = "duplicated-element";
    public const string RemovedElement = "removed-element";
    public const string SlowEndpoint = "slow-endpoint";
    public const string ExpiredAuth = "expired-auth";
    public const string ServerDown = "server-down";
    public const string Backend500 = "backend-500";

    /// <summary>Breakages that need no switch in the app (the scenario runner does them) are accepted as no-ops.</summary>
    public const string UnseededDatabase = "unseeded-database";

    private static readonly string[] Known =
    [
        RenamedSelector, ChangedText, MovedElement, DuplicatedElement, RemovedElement, SlowEndpoint,
        ExpiredAuth, ServerDown, Backend500, UnseededDatabase,
    ];

    private BreakMode(string name) => Name = name;

    public string Name { get; }

    public bool IsActive => Name.Length > 0;

    public bool Is(string name) => string.Equals(Name, name, StringComparison.Ordinal);

    public static BreakMode From(IConfiguration configuration)
    {
        var name = (configuration["Break"] ?? "").Trim();
        if (name.Length > 0 && !Known.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Unknown breakage '{name}' in Break / PRAXISHOP_BREAK. Known: {string.Join(", ", Known)}.");
        }

        return new BreakMode(name);
    }
}
