using Manuals.Core.Manuals;
using Manuals.Web.Shared;

namespace Manuals.Web.Tests.Shared;

public sealed class DiffContextTests
{
    [Fact]
    public void Around_OneChangeInLongText_KeepsTwoLinesEachSideAndCountsTheRest()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"手順{i}"));
        var changed = old.Replace("手順10", "手順十", StringComparison.Ordinal);

        var shown = DiffContext.Around(TextDiff.Compare(old, changed));

        Assert.Equal((null, 7), (shown[0].Line, shown[0].Skipped));
        Assert.Equal(["手順8", "手順9", "手順十", "手順11", "手順12"], shown.Skip(1).Take(5).Select(s => string.Concat(s.Line!.NewSegments.Select(x => x.Text))));
        Assert.Equal((null, 8), (shown[^1].Line, shown[^1].Skipped));
        Assert.Equal(7, shown.Count);
    }

    [Fact]
    public void Around_NoChanges_IsOneGap()
    {
        var shown = DiffContext.Around(TextDiff.Compare("a\nb", "a\nb"));

        Assert.Equal([(null, 2)], shown);
    }
}
