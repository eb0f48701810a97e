using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Classification;

/// <summary>
/// Which types are causes and which are symptoms. A test that times out waiting for a locator is the
/// symptom; a missing table, an expired token or a server that never started is the cause.
/// </summary>
internal static class CausePriority
{
    /// <summary>Lower ranks win ties: root causes first, symptoms last.</summary>
    public static int Rank(ErrorType type) => type switch
    {
        ErrorType.CompileError => 0,
        ErrorType.DependencyInstall => 1,
        ErrorType.Database => 2,
        ErrorType.ServerUnavailable => 3,
        ErrorType.AuthState => 4,
        ErrorType.BrowserCrash => 5,
        ErrorType.BackendError => 6,
        ErrorType.NetworkFlake => 7,
        ErrorType.StrictModeViolation => 8,
        ErrorType.AssertionFailure => 9,
        ErrorType.SelectorNotFound => 10,
        ErrorType.Timeout => 11,
        _ => 12,
    };

    /// <summary>True for types that explain symptoms elsewhere in the run.</summary>
    public static bool IsCause(ErrorType type) =>
        type is ErrorType.Database or ErrorType.AuthState or ErrorType.ServerUnavailable or ErrorType.BackendError
            or ErrorType.NetworkFlake or ErrorType.DependencyInstall or ErrorType.BrowserCrash or ErrorType.CompileError;

    /// <summary>
    /// The score a cause needs to explain what a failure shows: any cause explains a timeout, a missing element or
    /// nothing at all (0.7); a value mismatch only on stronger evidence (0.85); a database error also explains the
    /// 500 the app answered because of it (0.85). Null when <paramref name="cause"/> does not explain <paramref name="shown"/>.
    /// </summary>
    public static double? ExplainsAt(ErrorType cause, ErrorType shown) => shown switch
    {
        _ when !IsCause(cause) || cause == shown => null,
        ErrorType.Timeout or ErrorType.SelectorNotFound or ErrorType.Unknown => 0.7,
        ErrorType.AssertionFailure => 0.85,
        ErrorType.BackendError when cause == ErrorType.Database => 0.85,
        _ => null,
    };
}
