using Praxi.FixEngine.Configuration;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Pipeline;

/// <summary>Settings of <see cref="FixAgent"/> (<c>praxi.json</c> → <c>guardrails</c>, <c>selectors</c>).</summary>
public sealed class FixAgentOptions
{
    /// <summary>What the agent may change. <value>The default is <see cref="GuardrailPolicy"/>'s safe defaults.</value></summary>
    public GuardrailPolicy Guardrails { get; set; } = new();

    /// <summary>How the project writes locators, used when a locator must change form. <value>The default is <see cref="SelectorOptions"/>' defaults.</value></summary>
    public SelectorOptions Selectors { get; set; } = new();

    /// <summary>The options <c>praxi.json</c> gives: its <c>guardrails</c> and <c>selectors</c> over the defaults.</summary>
    /// <param name="config">The loaded configuration.</param>
    /// <returns>New options.</returns>
    public static FixAgentOptions From(PraxiConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = new FixAgentOptions();
        config.ApplyTo(options.Guardrails);
        config.ApplyTo(options.Selectors);
        return options;
    }

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

        if (Selectors is null)
        {
            problems.Add("selectors must be set");
        }
        else
        {
            problems.AddRange(Selectors.Problems());
        }

        return problems;
    }

    /// <summary>Throws when the settings are invalid, listing every problem.</summary>
    /// <exception cref="FixEngineException">At least one problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new FixEngineException($"Invalid fix agent options: {string.Join("; ", problems)}.");
        }
    }
}
