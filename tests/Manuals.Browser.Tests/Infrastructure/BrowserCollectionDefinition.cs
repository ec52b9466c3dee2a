namespace Manuals.Browser.Tests.Infrastructure;

/// <summary>
/// Every browser test class joins this collection: they share one <see cref="BrowserFixture"/> and run one after
/// another, which keeps one server and one Chromium on the two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
