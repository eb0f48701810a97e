using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Fixing;

/// <summary>Settings of <see cref="FixAgent"/> (<c>praxi.json</c> → <c>guardrails</c>, <c>selectors</c>).</summary>
public sealed class FixAgentOptions
{
    private static readonly string[] Strategies = ["test_id", "role", "label", "placeholder", "text", "title", "alt_text", "id", "name", "class", "link_text", "css", "xpath"];

    /// <summary>What the agent may change. <value>The default is <see cref="GuardrailPolicy"/>'s safe defaults.</value></summary>
    public GuardrailPolicy Guardrails { get; set; } = new();

    /// <summary>Locator strategies in the project's order of preference, used when a locator must change form.
    /// <value>The default is test_id, role, label, placeholder, text, id, css, xpath.</value></summary>
    public IList<string> PreferredSelectors { get; } = [.. SelectorPreferences.Default.Prefer];

    /// <summary>Attributes that hold test ids; the first is Playwright's <c>testIdAttribute</c>. <value>The default is data-testid.</value></summary>
    public IList<string> TestIdAttributes { get; } = [.. SelectorPreferences.Default.TestIdAttributes];

    /// <summary>Every problem of the settings, all together (empty when valid).</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Guardrails is null)
        {
            problems.Add("guardrails must be set");
        }
        else
        {
            problems.AddRange(Guardrails.Problems());
        }

        foreach (var s in PreferredSelectors.Where(s => !Strategies.Contains(s, StringComparer.Ordinal)))
        {
            problems.Add($"selectors.prefer: unknown strategy '{s}' (one of {string.Join(", ", Strategies)})");
        }

        if (TestIdAttributes.Count == 0 || TestIdAttributes.Any(a => string.IsNullOrWhiteSpace(a) || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '=' or '<' or '>')))
        {
            problems.Add("selectors.test_id_attributes must list at least one attribute name, without spaces, quotes or '='");
        }

        return problems;
    }

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="FixEngineException">One or more settings are invalid.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new FixEngineException($"Invalid fix agent options: {string.Join("; ", problems)}.");
        }
    }

    internal SelectorPreferences Selectors() => new([.. PreferredSelectors], [.. TestIdAttributes]);
}
