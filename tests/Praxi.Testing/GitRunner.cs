namespace Praxi.Testing;

/// <summary>
/// Real git with one argument list per call (no shell) and the same fixed settings everywhere: the machine's and the
/// user's config files are not read, commits are made as <c>praxi &lt;praxi@example.invalid&gt;</c>, and bytes are kept
/// as they are (no CRLF conversion, no whitespace fixes). Settings given in a call's own <c>-c</c> arguments win.
/// </summary>
public static class GitRunner
{
    /// <summary>The author and committer of every commit the tests make.</summary>
    public const string UserName = "praxi";

    /// <summary>The e-mail address of <see cref="UserName"/>.</summary>
    public const string UserEmail = "praxi@example.invalid";

    private static readonly string[] Settings =
    [
        "-c", $"user.name={UserName}",
        "-c", $"user.email={UserEmail}",
        "-c", "core.autocrlf=false",
        "-c", "core.safecrlf=false",
        "-c", "core.whitespace=",
        "-c", "apply.whitespace=nowarn",
        "-c", "commit.gpgsign=false",
        "-c", "init.defaultBranch=main",
        // Without the user's config there is no safe.directory either: a checkout owned by another user stays usable.
        "-c", "safe.directory=*",
    ];

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        // A temp folder that is not a repository must not be taken for part of one that encloses the temp root.
        ["GIT_CEILING_DIRECTORIES"] = TempRoot.Parent,
    };

    // A caller's GIT_DIR or GIT_WORK_TREE (a hook, a git alias running the tests) must not redirect the command.
    private static readonly string[] Unset = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"];

    /// <summary>Runs git in <paramref name="workTree"/>; a failing exit code is returned, not thrown.</summary>
    /// <param name="workTree">The working directory.</param>
    /// <param name="args">git's arguments.</param>
    /// <returns>The exit code and output.</returns>
    public static ProcessResult Run(string workTree, params string[] args) =>
        ChildProcess.Run("git", [.. Settings, .. args], workTree, Environment, Unset, limit: null);

    /// <summary>Runs git in <paramref name="workTree"/> and returns its standard output.</summary>
    /// <param name="workTree">The working directory.</param>
    /// <param name="args">git's arguments.</param>
    /// <returns>What git wrote to standard output.</returns>
    /// <exception cref="InvalidOperationException">git exited with a non-zero code; the message has the command and git's output.</exception>
    public static string Check(string workTree, params string[] args)
    {
        var result = Run(workTree, args);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {workTree} (exit code {result.ExitCode}): {result.Output.Trim()}");
    }
}
