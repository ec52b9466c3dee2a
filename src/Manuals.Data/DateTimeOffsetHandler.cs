using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Manuals.Data;

/// <summary>
/// Stores instants as UTC on both engines: <c>timestamptz</c> in PostgreSQL and fixed-width ISO-8601 text in
/// SQLite (which has no date type), so text order is time order.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'";

    public static string ToSqliteText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToSqliteText(value);
        }
        else
        {
            parameter.Value = value.ToUniversalTime();
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a time."),
    };
}
