using System.Diagnostics;

namespace Praxi.Testing;

/// <summary>
/// The one folder under which a test process makes its temp folders: <c>&lt;parent&gt;/&lt;pid&gt;-&lt;random&gt;</c>, where the
/// parent is <c>$PRAXI_TEST_TEMP</c> (eng/test.sh sets it to a folder of its own for the run and checks it is gone
/// afterwards) or <c>&lt;temp&gt;/praxi-tests</c>. It is made on first use and removed, with whatever is still in it, after
/// the last test (<see cref="TempCleanupFramework"/>) and again when the process exits; the roots of test processes that
/// were killed first are removed by the next test process.
/// </summary>
public static class TempRoot
{
    /// <summary>The environment variable naming the parent of the per-process roots.</summary>
    public const string ParentVariable = "PRAXI_TEST_TEMP";

    private static readonly Lazy<string> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parent of every test process's root.</summary>
    public static string Parent =>
        Environment.GetEnvironmentVariable(ParentVariable) is { Length: > 0 } parent
            ? System.IO.Path.GetFullPath(parent)
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "praxi-tests");

    /// <summary>This process's root; made, and its removal at exit registered, on first use.</summary>
    public static string Path => Made.Value;

    /// <summary>Removes this process's root, if it was made, with everything still in it; and the parent when that is left empty.</summary>
    public static void RemoveLeftovers()
    {
        if (Made.IsValueCreated)
        {
            RemoveAll(Made.Value);
        }
    }

    /// <summary>Removes the roots under <paramref name="parent"/> of test processes that no longer run.</summary>
    internal static void RemoveAbandoned(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            var name = System.IO.Path.GetFileName(dir);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                FolderRemover.Remove(dir);
            }
        }
    }

    private static string Make()
    {
        var parent = Parent;
        RemoveAbandoned(parent);
        var root = System.IO.Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll(root);
        return root;
    }

    private static void RemoveAll(string root)
    {
        FolderRemover.Remove(root);
        try
        {
            // Only when empty: other test processes may be using it right now.
            Directory.Delete(System.IO.Path.GetDirectoryName(root)!, recursive: false);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
