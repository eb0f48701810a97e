namespace Praxi.FixEngine.Guardrails;

/// <summary>
/// What the fix agent may change (<c>praxi.json</c> → <c>guardrails</c>): path globs and caps. The
/// <see cref="AlwaysDenied"/> paths (CI workflows, lock files, secrets, build scripts, praxi.json) are refused
/// whatever <see cref="Allow"/> says; <see cref="Deny"/> adds to them. See docs/guardrails.md.
/// </summary>
public sealed class GuardrailPolicy
{
    /// <summary>The allowlist used when <c>guardrails.allow</c> is not configured: test folders, test-file names, Playwright config.</summary>
    public static IReadOnlyList<string> DefaultAllow { get; } =
    [
        "**/tests/**", "**/test/**", "**/e2e/**", "**/__tests__/**", "**/*Tests/**", "**/*.Tests/**",
        "**/playwright/**", "**/cypress/**", "**/e2e-*/**", "**/*-e2e/**", "**/*.E2E/**", "**/*.e2e/**",
        "**/*.spec.*", "**/*.test.*", "**/*.cy.*", "**/*Tests.cs", "**/*Test.cs",
        "playwright.config.*", "**/playwright.config.*",
    ];

    /// <summary>Paths no configuration can allow: CI, version control, lock files, secrets, build scripts, the policy itself.</summary>
    public static IReadOnlyList<string> AlwaysDenied { get; } =
    [
        // CI and version control
        "**/.github/**", ".gitlab-ci.yml", "**/.gitlab/**", "**/.circleci/**", "azure-pipelines*.yml", "Jenkinsfile", "**/.ci/**",
        "**/.git/**", ".gitattributes", ".gitmodules", ".gitignore",
        // lock files
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "packages.lock.json", "*.lock", "bun.lockb",
        // secrets and credentials
        ".env", ".env*", "*.env", "*.pem", "*.key", "*.pfx", "*.p12", "*.crt", "*.cer", "*.jks", "*.keystore", "id_rsa*", "id_ed25519*",
        "secrets.*", "*.secrets.*", "appsettings*.json", ".npmrc", ".yarnrc*", ".pypirc", "nuget.config", "NuGet.Config", ".netrc",
        // build scripts and project files
        "*.csproj", "*.fsproj", "*.vbproj", "*.sln", "*.slnx", "*.props", "*.targets", "Directory.*", "global.json",
        "package.json", "Makefile", "*.mk", "Dockerfile", "Dockerfile.*", "*.dockerfile", "docker-compose*.yml", "compose*.yaml",
        "*.sh", "*.bash", "*.ps1", "*.psm1", "*.cmd", "*.bat", "build.cake", "*.gradle", "pom.xml",
        // the policy itself
        "praxi.json",
    ];

    /// <summary>Globs of paths the agent may edit. <value>The default is <see cref="DefaultAllow"/>; a configured list replaces it.</value></summary>
    public IList<string> Allow { get; } = [.. DefaultAllow];

    /// <summary>Globs refused in addition to <see cref="AlwaysDenied"/>. <value>The default is empty.</value></summary>
    public IList<string> Deny { get; } = [];

    /// <summary>Most files one patch may touch. <value>The default is 5.</value></summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Most changed lines of one patch (per hunk the larger of removed and added lines, summed). <value>The default is 40.</value></summary>
    public int MaxChangedLines { get; set; } = 40;

    /// <summary>Most hunks of one patch (3 lines of context). <value>The default is 10.</value></summary>
    public int MaxHunks { get; set; } = 10;

    /// <summary>The highest timeout an edit may write, in ms. <value>The default is 60000.</value></summary>
    public int MaxTimeoutMs { get; set; } = 60_000;

    /// <summary>Every problem of the settings, all together (empty when valid).</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var glob in Allow.Concat(Deny))
        {
            if (GlobPattern.Problem(glob) is { } p)
            {
                problems.Add($"guardrails: {p}");
            }
        }

        if (MaxFiles < 1)
        {
            problems.Add("guardrails.max_files must be at least 1");
        }

        if (MaxChangedLines < 1)
        {
            problems.Add("guardrails.max_changed_lines must be at least 1");
        }

        if (MaxHunks < 1)
        {
            problems.Add("guardrails.max_hunks must be at least 1");
        }

        if (MaxTimeoutMs < 1)
        {
            problems.Add("guardrails.max_timeout_ms must be at least 1");
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
            throw new FixEngineException($"Invalid guardrail policy: {string.Join("; ", problems)}.");
        }
    }
}
