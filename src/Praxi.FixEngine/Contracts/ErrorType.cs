namespace Praxi.FixEngine.Contracts;

/// <summary>The failure taxonomy: what broke. Serialised in snake_case (<c>selector_not_found</c>).</summary>
public enum ErrorType
{
    /// <summary>Nothing matched with enough confidence.</summary>
    Unknown,

    /// <summary>The locator matched no element (renamed, moved, removed).</summary>
    SelectorNotFound,

    /// <summary>The locator matched several elements.</summary>
    StrictModeViolation,

    /// <summary>An action, navigation, assertion or test ran out of time while the target exists.</summary>
    Timeout,

    /// <summary>A value mismatch (text, count, URL, status).</summary>
    AssertionFailure,

    /// <summary>401/403, storage state missing or expired, redirected to login, CSRF.</summary>
    AuthState,

    /// <summary>Missing table or relation, migrations not applied, seed data missing, database unreachable.</summary>
    Database,

    /// <summary>The app under test answered 500 or logged an unhandled exception.</summary>
    BackendError,

    /// <summary>The app never came up: connection refused, health check failed, web server start timed out.</summary>
    ServerUnavailable,

    /// <summary>ECONNRESET, ETIMEDOUT, socket hang up, DNS failure, transient 502/503/504.</summary>
    NetworkFlake,

    /// <summary>npm / pip / NuGet restore failures, missing browser executable.</summary>
    DependencyInstall,

    /// <summary>Page, context or browser closed or crashed.</summary>
    BrowserCrash,

    /// <summary>The test or app code does not compile or parse.</summary>
    CompileError,
}
