using Manuals.Core.Departments;
using Manuals.Core.Manuals;
using Manuals.Core.Manuals.Import;
using Manuals.Core.Search;
using Manuals.Data.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Data.Tests.Search;

/// <summary>
/// The repository's sample manuals imported with <see cref="ManualImporter"/> into one database per engine and indexed,
/// shared by the tests of a class (they only read), and searched on each database's own Lucene.Net index.
/// </summary>
public sealed class SampleLibrary : IAsyncLifetime
{
    private readonly Dictionary<SqlEngine, TestDatabase> _databases = [];

    public static string SamplesPath { get; } = FindSamples();

    public TestDatabase Database(SqlEngine engine) => _databases[engine];

    /// <summary>The search as the web page runs it: parser with the stored synonyms, index, snippets.</summary>
    public SearchService Search(SqlEngine engine)
    {
        var services = _databases[engine].Services;
        return new SearchService(services.GetRequiredService<ISearchIndex>(), services.GetRequiredService<ISynonymStore>(),
            new MarkdownRenderer(),
            services.GetRequiredService<global::Manuals.Core.Coverage.IBusinessTaskStore>());
    }

    public async Task InitializeAsync()
    {
        foreach (var engine in new[] { SqlEngine.Sqlite, SqlEngine.Postgres })
        {
            var db = await TestDatabase.CreateAsync(engine);
            _databases[engine] = db;
            var importer = new ManualImporter(
                db.Services.GetRequiredService<IManualStore>(), db.Services.GetRequiredService<IDepartmentStore>(), TimeProvider.System);
            var report = await importer.ImportFolderAsync(SamplesPath, db.CancellationToken);
            Assert.Empty(report.Refused);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var db in _databases.Values)
        {
            await db.DisposeAsync();
        }
    }

    private static string FindSamples()
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
