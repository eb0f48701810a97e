using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Analysis;

/// <summary>The default route of each type (docs/classification.md#routes): which non-code actions may fix it.</summary>
internal static class SelfHealPlans
{
    public static SelfHealPlan For(ErrorType type, int maxAttempts)
    {
        var (actions, reason) = type switch
        {
            ErrorType.Timeout => (new[] { "rerun" }, "a timeout while the target exists is often transient: rerun the failed tests"),
            ErrorType.NetworkFlake => (["rerun"], "a transient network error: rerun the failed tests"),
            ErrorType.AuthState => (["regenerate_storage_state", "rerun"], "the login state is missing or expired: regenerate it, then rerun"),
            ErrorType.Database => (["reseed", "rerun"], "the database is missing tables or data: migrate and reseed, then rerun"),
            ErrorType.ServerUnavailable => (["restart", "rerun"], "the app under test was not reachable: restart it, then rerun"),
            ErrorType.BrowserCrash => (["rerun"], "the browser or page crashed: rerun the failed tests"),
            ErrorType.DependencyInstall => (["reset_environment", "rerun"], "an install step failed: reset the environment and reinstall, then rerun"),
            ErrorType.SelectorNotFound => ([], "selector drift needs a code change: route to the fix agent"),
            ErrorType.StrictModeViolation => ([], "an ambiguous locator needs a code change: route to the fix agent"),
            ErrorType.AssertionFailure => ([], "a value mismatch needs a person: the test or the app is wrong"),
            ErrorType.BackendError => ([], "the app under test failed: a backend fix needs a person"),
            ErrorType.CompileError => ([], "the code does not compile: a person must fix it"),
            _ => (Array.Empty<string>(), "the failure could not be classified with enough confidence"),
        };
        return new SelfHealPlan { Eligible = actions.Length > 0, Reason = reason, Actions = actions, MaxAttempts = maxAttempts };
    }
}
