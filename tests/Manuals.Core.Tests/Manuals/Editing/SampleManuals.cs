namespace Manuals.Core.Tests.Manuals.Editing;

/// <summary>The Markdown of the sample manuals in <c>samples/manuals</c> (front matter left out).</summary>
internal static class SampleManuals
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder(), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static IEnumerable<string> All() => Directory.EnumerateFiles(Folder(), "*.md").Order(StringComparer.Ordinal).Select(Read);

    public static string Body(string file) => Read(Path.Combine(Folder(), file));

    private static string Read(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return text[(end + "\n---\n".Length)..];
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Manuals.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "manuals");
            }
        }

        throw new InvalidOperationException("Manuals.sln not found above " + AppContext.BaseDirectory);
    }
}
