namespace Praxi.Testing.Tests;

/// <summary>
/// Run as a child process by <see cref="TempRootTests"/>: <c>leave</c> makes temp folders the way a forgetful test
/// does (a git repository and a read-only file, never disposed), prints the process's temp root and exits.
/// The test runner never calls it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["leave"])
        {
            return 2;
        }

        var forgotten = TempFolder.Create("forgotten");
        TempFolderTests.FillWithAwkwardEntries(forgotten.Path);
        Console.WriteLine(TempRoot.Path);
        return 0;
    }
}
