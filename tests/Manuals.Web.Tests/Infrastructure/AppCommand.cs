namespace Manuals.Web.Tests.Infrastructure;

/// <summary>How the app's process is started: the program, its first arguments and the working directory.</summary>
public sealed record AppCommand(string Program, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>The folder the app was built to, next to this test assembly's configuration (Debug or Release).</summary>
    public static string AppDirectory { get; } = Path.Combine(
        ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0");

    /// <summary><c>dotnet Manuals.Web.dll</c> in <see cref="AppDirectory"/>, as a user would start it from a shell.</summary>
    public static AppCommand Built { get; } = new("dotnet", [Path.Combine(AppDirectory, "Manuals.Web.dll")], AppDirectory);
}
