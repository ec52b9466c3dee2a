using Lucene.Net.Search;
using Manuals.Core.Manuals;
using Manuals.Data.Search.Lucene;

namespace Manuals.Data.Tests.Search.Lucene;

/// <summary>The node's index folder: its generations, the swap a rebuild ends with, crashes in between, and its lock.</summary>
public sealed class LuceneIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("manuals-lucene-index-").FullName;

    [Fact]
    public void New_EmptyFolder_OpensAnEmptyFirstGenerationNamedInCurrent()
    {
        using var index = new LuceneIndex(_folder);

        Assert.Equal(["generation-000001"], Generations());
        Assert.Equal("generation-000001", File.ReadAllText(Path.Combine(_folder, "current")));
        Assert.Empty(index.CommitData);
        Assert.Equal(0, Count(index));
    }

    [Fact]
    public void Inspect_WhileOpenWithARebuildUnderWay_ReadsTheCommitAndTellsTheFolderIsInUse()
    {
        using var index = new LuceneIndex(_folder);
        index.Apply([Manual(1), Manual(2)], []);
        index.Commit(Data("seen"));
        using var rebuilding = index.CreateGeneration();

        var state = LuceneIndex.Inspect(_folder);

        Assert.True(state.InUse);
        Assert.Equal(("generation-000001", 2, "seen"), (state.CurrentGeneration, state.Documents, state.CommitData["mark"]));
        Assert.Equal(["generation-000002"], state.OtherGenerations);
    }

    [Fact]
    public void Inspect_ClosedFolderWithALeftoverGeneration_NamesItAndLeavesItThere()
    {
        new LuceneIndex(_folder).Dispose();
        Directory.CreateDirectory(Path.Combine(_folder, "generation-000009"));

        var state = LuceneIndex.Inspect(_folder);

        Assert.False(state.InUse);
        Assert.Equal(["generation-000009"], state.OtherGenerations);
        Assert.Equal(["generation-000001", "generation-000009"], Generations());
        Assert.False(LuceneIndex.Inspect(Path.Combine(_folder, "missing")).Exists);
    }

    [Fact]
    public void SwapIn_CommittedGeneration_ServesItAtOnceDeletesTheOldOneAndIsWhatTheNextOpenServes()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Apply([Manual(1)], []);
            index.Commit(Data("old"));
            var next = index.CreateGeneration();
            next.Apply([Manual(1), Manual(2), Manual(3)], []);
            next.Commit(Data("new"));
            Assert.Equal(1, Count(index));

            index.SwapIn(next);

            Assert.Equal(3, Count(index));
            Assert.Equal("new", index.CommitData["mark"]);
            Assert.Equal(["generation-000002"], Generations());
        }

        using var reopened = new LuceneIndex(_folder);
        Assert.Equal(3, Count(reopened));
        Assert.Equal("new", reopened.CommitData["mark"]);
    }

    [Fact]
    public void New_AfterACrashDuringARebuild_ServesTheGenerationInUseAndDeletesTheHalfBuiltOne()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Apply([Manual(1)], []);
            index.Commit(Data("live"));
            using var halfBuilt = index.CreateGeneration();
            halfBuilt.Apply([Manual(2)], []);
            halfBuilt.Commit(Data("half"));
        }

        using var reopened = new LuceneIndex(_folder);

        Assert.Equal("live", reopened.CommitData["mark"]);
        Assert.Equal(1, Count(reopened));
        Assert.Equal(["generation-000001"], Generations());
    }

    [Fact]
    public void New_FolderOpenElsewhere_IsRefusedWithTheFolderNamed()
    {
        using var index = new LuceneIndex(_folder);

        var refused = Assert.Throws<SearchIndexInUseException>(() => new LuceneIndex(_folder));

        Assert.Equal(_folder, refused.Path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IndexedManual Manual(long id) =>
        new(id, 1, $"手順{id}", 1, ManualVisibility.Company, ManualStatus.Published, null, null, DateTimeOffset.UnixEpoch, [], [], "本文");

    private static Dictionary<string, string> Data(string mark) => new() { ["mark"] = mark };

    private static int Count(LuceneIndex index) => index.Read(searcher => searcher.Search(new MatchAllDocsQuery(), 10).TotalHits);

    private List<string> Generations() =>
        Directory.GetDirectories(_folder, "generation-*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
