namespace Praxi.FixEngine.Running;

/// <summary>
/// Compares test names across runs: a subset rerun of a Playwright suite may report a test without the
/// <c>[project] › </c> prefix the full run gave it (the prefix appears only when several projects ran).
/// </summary>
internal static class TestNames
{
    private const string Separator = " › ";

    /// <summary>The name without a leading <c>[project] › </c>.</summary>
    public static string WithoutProject(string name)
    {
        if (name.StartsWith('[') && name.IndexOf("]" + Separator, StringComparison.Ordinal) is var end and > 0)
        {
            return name[(end + 1 + Separator.Length)..];
        }

        return name;
    }

    /// <summary>The project of a <c>[project] › …</c> name, else null.</summary>
    public static string? ProjectOf(string name) =>
        name.StartsWith('[') && name.IndexOf("]" + Separator, StringComparison.Ordinal) is var end and > 0 ? name[1..end] : null;

    /// <summary>
    /// True when both name the same test: equal, or equal without the project prefix when at most one of them has one
    /// (two different projects are different tests).
    /// </summary>
    public static bool Same(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var (pa, pb) = (ProjectOf(a), ProjectOf(b));
        if (pa is not null && pb is not null)
        {
            return false;
        }

        return string.Equals(WithoutProject(a), WithoutProject(b), StringComparison.Ordinal);
    }

    /// <summary>The last title segment (<c>signs in</c> of <c>[p] › login.spec.ts › Login › signs in</c>).</summary>
    public static string LastSegment(string name)
    {
        var i = name.LastIndexOf(Separator, StringComparison.Ordinal);
        return i < 0 ? name : name[(i + Separator.Length)..];
    }
}
