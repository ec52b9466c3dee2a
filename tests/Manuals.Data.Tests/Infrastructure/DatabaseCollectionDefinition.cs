namespace Manuals.Data.Tests.Infrastructure;

/// <summary>
/// Every test class that opens a <see cref="TestDatabase"/> joins this collection, so the shared PostgreSQL cluster is
/// stopped once, after the last of them (xunit 2 has no assembly-level fixtures). Tests in one collection run one
/// after another, which also keeps two cores from being oversubscribed by two database engines at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollectionDefinition : ICollectionFixture<DatabaseCollectionFixture>
{
    public const string Name = "Database";
}
