using System.Globalization;

namespace Praxi.FixEngine.Validation;

/// <summary>How validation (<c>PatchValidator</c>) validates a patch (<c>praxi.json</c> <c>validation</c>).</summary>
public sealed class ValidationOptions
{
    /// <summary>The longest a validation may take.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>Overall cap for one validation, all runners together (each runner also keeps its own <c>timeout_s</c>).</summary>
    /// <value>The default is 900 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary>When true a patch that could not be validated (<c>not_run</c>) is withheld too, not only flagged.</summary>
    /// <value>The default is false.</value>
    public bool RequirePass { get; set; }

    /// <summary>
    /// What to do with a patch whose targeted tests got past the call that failed and now fail at a later one
    /// (<c>progressed</c>): the heal did fix the step it targeted, the new failure is another problem.
    /// </summary>
    /// <value>The default is <see cref="ProgressedPatch.Keep"/>.</value>
    public ProgressedPatch OnProgressed { get; set; } = ProgressedPatch.Keep;

    /// <summary>Leave the temporary copy in place for debugging (the validation result says where).</summary>
    /// <value>The default is false.</value>
    public bool KeepWorkspace { get; set; }

    /// <summary>Every problem of these settings, each a phrase.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(OnProgressed))
        {
            yield return "on_progressed must be keep or withhold";
        }

        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"timeout_s must be between 1 and {MaxTimeout.TotalSeconds:0}");
        }
    }
}
