using System.Text.RegularExpressions;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>
/// A test of the login flow (an auth/login spec, or a title about the redirect after login) that waits in
/// vain for something that is not part of the login form: the login did not take, so the page after it
/// never came. Weak evidence on its own, so its confidence stays below the confident band.
/// </summary>
internal static partial class AuthFlow
{
    public const double Confidence = 0.62;

    public static ClassificationRule Rule { get; } = new()
    {
        Id = "login-flow-never-arrived",
        Type = ErrorType.AuthState,
        Weight = Confidence,
        Literals = ["login"],
    };

    public static bool IsPostLoginWait(TestFailure failure)
    {
        var file = failure.File ?? FileOfTitle(failure.Test);
        var authFile = file is not null && AuthFile().IsMatch(Path.GetFileName(file));
        var authTitle = PostLoginTitle().IsMatch(failure.Test);
        if (!authFile && !authTitle)
        {
            return false;
        }

        var locator = failure.Selector ?? LocatorIn(FailureClassifier.FailureLines(failure));
        return locator is not null && !LoginFormLocator().IsMatch(locator);
    }

    private static string? FileOfTitle(string test)
    {
        var m = TitleFile().Match(test);
        return m.Success ? m.Groups["file"].Value : null;
    }

    private static string? LocatorIn(IReadOnlyList<LogLine> lines)
    {
        foreach (var line in lines)
        {
            var m = WaitingFor().Match(line.Text);
            if (m.Success)
            {
                return m.Groups["loc"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(auth|login|log-in|signin|sign-in|sign_in|session|logout)[\w.-]*\.(spec|test|setup|cy)\.[cm]?[jt]sx?$|(Auth|Login|SignIn|Session)\w*Tests?\.cs$|test_(auth|login|session)\w*\.py$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AuthFile();

    [GeneratedRegex(@"\b(log ?in|sign ?in|logs in|signs in|authenticat\w*)\b.{0,40}\b(redirect\w*|lands?|dashboard|home ?page)\b|\b(after|once) (logging|signing) in\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PostLoginTitle();

    [GeneratedRegex(@"log ?in|sign ?in|password|e-?mail|user ?name|credential|submit|\bauth", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LoginFormLocator();

    [GeneratedRegex(@"(?<file>[\w./-]+\.(spec|test|setup|cy)\.[cm]?[jt]sx?):\d+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TitleFile();

    [GeneratedRegex(@"(waiting for|Locator:)\s+(?<loc>\S.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WaitingFor();
}
