using System.Data.Common;
using System.Globalization;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Data;
using Manuals.Data.Migrations;
using Manuals.Data.Search;
using Manuals.Data.Search.Lucene;
using Manuals.Web.Features.Images;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// What <c>check</c> looks at, read-only: the schema (applied against known migrations), the search journal and each
/// node's progress, this machine's index folder against the database, and what is left over — index generations no
/// node uses (a rebuild cut off while its app was stopped) and stored images no manual uses past the cleanup's grace.
/// </summary>
public sealed class InstallationCheck(IServiceProvider services, IStringLocalizer l)
{
    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<CheckFinding>();
        bool schemaReady;
        try
        {
            schemaReady = await CheckSchemaAsync(findings, cancellationToken);
            if (schemaReady)
            {
                var latest = await CheckJournalAsync(findings, cancellationToken);
                await CheckIndexFolderAsync(findings, latest, cancellationToken);
                await CheckImagesAsync(findings, cancellationToken);
            }
        }
        catch (DbException ex)
        {
            findings.Add(Attention("Cli.Check.DatabaseUnreachable", ex.Message));
        }

        return findings;
    }

    private async Task<bool> CheckSchemaAsync(List<CheckFinding> findings, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<MigrationRunner>();
        var applied = await runner.AppliedVersionsAsync(cancellationToken);
        var known = runner.Known.Select(m => m.Version).ToList();
        var pending = known.Except(applied).ToList();
        var unknown = applied.Except(known).ToList();
        if (applied.Count == 0)
        {
            findings.Add(Attention("Cli.Check.SchemaEmpty", known.Count));
            return false;
        }

        if (unknown.Count > 0)
        {
            findings.Add(Attention("Cli.Check.SchemaNewer", Versions(unknown)));
        }

        if (pending.Count > 0)
        {
            findings.Add(Attention("Cli.Check.SchemaPending", pending.Count, Versions(pending)));
            return false;
        }

        if (unknown.Count == 0)
        {
            findings.Add(new(CheckLevel.Ok, l["Cli.Check.SchemaOk", applied.Max(), applied.Count]));
        }

        return true;
    }

    /// <summary>Reports the journal and each node's position; returns the latest sequence.</summary>
    private async Task<long> CheckJournalAsync(List<CheckFinding> findings, CancellationToken cancellationToken)
    {
        var journal = ActivatorUtilities.CreateInstance<SearchJournal>(services);
        var latest = await journal.LatestSequenceAsync(cancellationToken);
        findings.Add(new(CheckLevel.Info, l["Cli.Check.Journal", latest, await journal.CountAllAsync(cancellationToken)]));
        var nodes = await journal.ListNodesAsync(cancellationToken);
        if (nodes.Count == 0)
        {
            findings.Add(new(CheckLevel.Info, l["Cli.Check.NoNodes"]));
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var node in nodes)
        {
            var silent = now - node.SeenAt;
            var ago = silent < TimeSpan.FromMinutes(2)
                ? l["Cli.Check.SecondsAgo", Math.Max(0, (int)silent.TotalSeconds)]
                : l["Cli.Check.MinutesAgo", (int)silent.TotalMinutes];
            findings.Add(new(CheckLevel.Info, l["Cli.Check.Node", node.NodeId, node.AppliedSequence, Math.Max(0, latest - node.AppliedSequence), ago]));
        }

        return latest;
    }

    private async Task CheckIndexFolderAsync(List<CheckFinding> findings, long latest, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(DataServiceCollectionExtensions.IndexPath(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<StorageOptions>()));
        var folder = LuceneIndex.Inspect(path);
        if (folder.CurrentGeneration is null)
        {
            findings.Add(new(CheckLevel.Info, l["Cli.Check.IndexMissing", path]));
        }
        else if (!folder.CommitData.TryGetValue(LuceneIndexer.SchemaKey, out var schema) || schema != LuceneSearchIndex.SchemaVersion)
        {
            findings.Add(new(CheckLevel.Info, l["Cli.Check.IndexOldSchema", path]));
        }
        else if (!folder.CommitData.TryGetValue(LuceneIndexer.GenerationKey, out var builtFrom)
            || builtFrom != await services.GetRequiredService<ISearchJournal>().GenerationAsync(cancellationToken))
        {
            // Asked to rebuild (reindex), or the data was restored or moved: the node rebuilds at its next sync or start.
            findings.Add(new(CheckLevel.Info, l[folder.InUse ? "Cli.Check.IndexRebuildRunning" : "Cli.Check.IndexRebuildStopped", path]));
        }
        else
        {
            var watermark = folder.CommitData.TryGetValue(LuceneIndexer.WatermarkKey, out var text)
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            var manuals = await services.GetRequiredService<IManualStore>().CountAsync(cancellationToken);
            if (watermark < latest)
            {
                findings.Add(new(CheckLevel.Info, l[folder.InUse ? "Cli.Check.IndexBehindRunning" : "Cli.Check.IndexBehindStopped", path, latest - watermark]));
            }
            else if (folder.Documents != manuals)
            {
                findings.Add(Attention("Cli.Check.IndexCountMismatch", path, folder.Documents ?? 0, manuals));
            }
            else
            {
                findings.Add(new(CheckLevel.Ok, l["Cli.Check.IndexOk", path, manuals, watermark]));
            }
        }

        if (folder.OtherGenerations.Count > 0)
        {
            var names = string.Join(", ", folder.OtherGenerations);
            findings.Add(folder.InUse
                ? new(CheckLevel.Info, l["Cli.Check.GenerationBeingBuilt", names])
                : Attention("Cli.Check.OrphanGenerations", path, names));
        }
    }

    private async Task CheckImagesAsync(List<CheckFinding> findings, CancellationToken cancellationToken)
    {
        // Past the grace period and a whole cleanup interval: a running app would have deleted them by now.
        var before = services.GetRequiredService<TimeProvider>().GetUtcNow() - ImageService.UnusedGracePeriod - UnusedImageCleanupService.Interval;
        var unused = await services.GetRequiredService<IImageStore>().CountUnusedAsync(before, cancellationToken);
        findings.Add(unused.Count == 0
            ? new(CheckLevel.Ok, l["Cli.Check.ImagesOk"])
            : Attention("Cli.Check.OrphanImages", unused.Count, (unused.Bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.CurrentCulture), (int)ImageService.UnusedGracePeriod.TotalDays));
    }

    private CheckFinding Attention(string key, params object[] arguments) => new(CheckLevel.Attention, l[key, arguments]);

    private static string Versions(IEnumerable<int> versions) =>
        string.Join(", ", versions.Select(v => v.ToString("D4", CultureInfo.InvariantCulture)));
}
