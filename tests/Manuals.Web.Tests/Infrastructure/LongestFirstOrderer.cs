using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Manuals.Web.Tests.Infrastructure.LongestFirstOrderer", "Manuals.Web.Tests")]

namespace Manuals.Web.Tests.Infrastructure;

/// <summary>
/// The order xunit starts the test classes in (two at a time): the <see cref="LongRunningAttribute"/> classes first,
/// longest first, then the others in xunit's own order. Started last, the crash tests alone outlast everything else.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    /// <summary>What xunit calls the collection it makes for a class without a <c>[Collection]</c>, before the class's name.</summary>
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderByDescending(SecondsOf)
            .ThenBy(c => c.UniqueID)
            .ToList();

    private static int SecondsOf(ITestCollection collection)
    {
        if (!collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var type = typeof(LongestFirstOrderer).Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..]);
        return type?.GetCustomAttributes(typeof(LongRunningAttribute), inherit: false) is [LongRunningAttribute longRunning] ? longRunning.Seconds : 0;
    }
}
