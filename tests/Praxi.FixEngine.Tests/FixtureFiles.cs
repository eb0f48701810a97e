namespace Praxi.FixEngine.Tests;

/// <summary>Paths of the committed fixtures (copied beside the test assembly) and temporary files.</summary>
internal static class FixtureFiles
{
    public static string Path(string relative) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    /// <summary>A temporary file with <paramref name="content"/>, deleted when disposed.</summary>
    public static TempFile Temp(string content, string extension = ".txt") => Temp(System.Text.Encoding.UTF8.GetBytes(content), extension);

    public static TempFile Temp(byte[] content, string extension = ".txt")
    {
        var folder = TempFolder.Create("file");
        var path = folder.Combine("file" + extension);
        File.WriteAllBytes(path, content);
        return new TempFile(folder, path);
    }

    internal sealed class TempFile(TempFolder folder, string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => folder.Dispose();
    }
}
