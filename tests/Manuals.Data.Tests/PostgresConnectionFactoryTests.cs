using Dapper;
using Manuals.Data.Tests.Infrastructure;

namespace Manuals.Data.Tests;

/// <summary>Statements run often are prepared on the server unless the connection string turns that off.</summary>
[Collection(DatabaseCollectionDefinition.Name)]
public sealed class PostgresConnectionFactoryTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData(";Max Auto Prepare=0", 0)]
    public async Task OpenAsync_AStatementRunSeveralTimes_IsPreparedUnlessTurnedOff(string setting, long expected)
    {
        var cluster = await PostgresCluster.GetSharedAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        try
        {
            using var factory = new PostgresConnectionFactory(connectionString + setting);
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(i, await connection.ExecuteScalarAsync<int>("SELECT @i + 0 AS auto_prepared", new { i }));
            }

            var prepared = await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%auto_prepared%' AND statement NOT LIKE '%pg_prepared_statements%'");
            Assert.Equal(expected, prepared);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
        }
    }
}
