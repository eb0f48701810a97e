namespace Praxi.FixEngine.SelfHeal;

/// <summary>One configured remediation (<c>self_heal.actions.&lt;name&gt;</c>): a command run as an argument list.</summary>
internal sealed record SelfHealAction
{
    /// <summary>Default time limit of an action.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The action's name (<c>reseed</c>, <c>restart</c>…).</summary>
    public required string Name { get; init; }

    /// <summary>Program and arguments, passed verbatim.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Where it runs, relative to the repository root.</summary>
    public string WorkingDirectory { get; init; } = ".";

    /// <summary>The time limit.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Extra environment variables (their values never appear in files praxi writes).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Problems of the settings, each naming the action.</summary>
    public IEnumerable<string> Problems()
    {
        if (Command.Count == 0 || string.IsNullOrWhiteSpace(Command[0]))
        {
            yield return $"self_heal.actions.{Name}: command must be a non-empty argument list";
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(2))
        {
            yield return $"self_heal.actions.{Name}: timeout_s must be between 1 and 7200";
        }

        if (Path.IsPathRooted(WorkingDirectory) || WorkingDirectory.Replace('\\', '/').Split('/').Contains(".."))
        {
            yield return $"self_heal.actions.{Name}: cwd '{WorkingDirectory}' must be relative to the repository, without '..'";
        }
    }
}
