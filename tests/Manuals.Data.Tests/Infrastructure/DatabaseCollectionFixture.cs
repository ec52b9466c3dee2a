namespace Manuals.Data.Tests.Infrastructure;

/// <summary>Stops the shared <see cref="PostgresCluster"/> when the <see cref="DatabaseCollectionDefinition"/> has finished.</summary>
public sealed class DatabaseCollectionFixture : IAsyncLifetime
{
    // The cluster starts on first use, not here, so a run filtered to SQLite tests never needs PostgreSQL.
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresCluster.StopSharedAsync();
}
