namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding Manuals.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Manuals.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Manuals.sln was not found above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
