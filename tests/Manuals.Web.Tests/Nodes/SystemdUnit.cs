using Manuals.Web.Tests.Infrastructure;

namespace Manuals.Web.Tests.Nodes;

/// <summary>
/// <c>infra/systemd/manuals.service</c> read as systemd would start a node from it: <c>ExecStart</c>,
/// <c>WorkingDirectory</c> and the <c>Environment=</c> lines (systemd does not run as init here). The unit's published
/// folder (<see cref="PublishedDirectory"/>) is read as a folder laid out like <c>dotnet publish</c>'s output
/// (<see cref="LayOutPublished"/>), its state folder (<see cref="StateDirectory"/>) as a folder of the test's, and
/// <c>Urls</c> keeps its loopback host with a free port.
/// </summary>
internal sealed class SystemdUnit
{
    public const string PublishedDirectory = "/opt/manuals";
    public const string StateDirectory = "/var/lib/manuals";

    private SystemdUnit(string path, string execStart, string workingDirectory, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        FilePath = path;
        ExecStart = execStart;
        WorkingDirectory = workingDirectory;
        Environment = environment;
    }

    public string FilePath { get; }

    public string ExecStart { get; }

    public string WorkingDirectory { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; }

    public static SystemdUnit Read()
    {
        var path = Path.Combine(ManualsAppFactory.RepositoryRoot, "infra", "systemd", "manuals.service");
        string? execStart = null, workingDirectory = null;
        var environment = new List<KeyValuePair<string, string>>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[' || line.IndexOf('=', StringComparison.Ordinal) is not (> 0 and var equals))
            {
                continue;
            }

            var (key, value) = (line[..equals], line[(equals + 1)..]);
            switch (key)
            {
                case "ExecStart":
                    execStart = value;
                    break;
                case "WorkingDirectory":
                    workingDirectory = value;
                    break;
                case "Environment":
                    // One unquoted assignment per line: what this reader (and a person reading the unit) can take at its word.
                    Assert.False(value.Contains('"', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal), $"{path}: write one unquoted assignment per Environment= line: {line}");
                    var assignment = value.Split('=', 2);
                    environment.Add(new(assignment[0], assignment[1]));
                    break;
            }
        }

        return new SystemdUnit(
            path,
            execStart ?? throw new InvalidOperationException($"{path} has no ExecStart."),
            workingDirectory ?? throw new InvalidOperationException($"{path} has no WorkingDirectory."),
            environment);
    }

    /// <summary>
    /// Lays out <paramref name="directory"/> as <c>dotnet publish</c> would (the build's output with <c>wwwroot</c>
    /// beside it) with links to the built files, at no cost: publishing again would build the app a second time.
    /// </summary>
    public static void LayOutPublished(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var entry in new DirectoryInfo(AppCommand.AppDirectory).EnumerateFileSystemInfos())
        {
            File.CreateSymbolicLink(Path.Combine(directory, entry.Name), entry.FullName);
        }

        var webRoot = Path.Combine(ManualsAppFactory.RepositoryRoot, "src", "Manuals.Web", "wwwroot");
        Assert.True(File.Exists(Path.Combine(webRoot, "lib", "rich-text.js")), "The build bundles wwwroot/lib/rich-text.js; build the app first.");
        Directory.CreateSymbolicLink(Path.Combine(directory, "wwwroot"), webRoot);
    }

    /// <summary>ExecStart and WorkingDirectory with the published folder read as <paramref name="published"/>.</summary>
    public AppCommand Command(string published)
    {
        var words = ExecStart.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Mapped(w, published, "")).ToList();
        // The unit names dotnet by its absolute path, as systemd requires; where the SDK lives elsewhere, the same
        // program is taken from the PATH.
        var program = File.Exists(words[0]) ? words[0] : Path.GetFileName(words[0]);
        return new AppCommand(program, words[1..], Mapped(WorkingDirectory, published, ""));
    }

    /// <summary>
    /// The Environment= lines with the state folder read as <paramref name="stateDirectory"/> (made here, as systemd's
    /// StateDirectory= makes it), then <paramref name="environmentFile"/>'s settings over them (systemd lets
    /// EnvironmentFile= win).
    /// </summary>
    public Dictionary<string, string> EnvironmentFor(string stateDirectory, IReadOnlyDictionary<string, string> environmentFile)
    {
        Directory.CreateDirectory(stateDirectory);
        var environment = new Dictionary<string, string>();
        foreach (var (key, value) in Environment)
        {
            environment[key] = Mapped(value, "", stateDirectory);
        }

        Assert.StartsWith("http://127.0.0.1:", environment["Urls"], StringComparison.Ordinal);
        environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environmentFile)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string Mapped(string value, string published, string state)
    {
        if (published.Length > 0 && value.StartsWith(PublishedDirectory, StringComparison.Ordinal))
        {
            return published + value[PublishedDirectory.Length..];
        }

        return state.Length > 0 && value.StartsWith(StateDirectory, StringComparison.Ordinal) ? state + value[StateDirectory.Length..] : value;
    }
}
