namespace Manuals.Core.Audit;

/// <summary>What an entry is about: a type (<see cref="AuditTargetType"/>), its id and its name at the time.</summary>
/// <param name="Type">One of <see cref="AuditTargetType"/>.</param>
/// <param name="Id">The target's id as text (a row id, or an external id such as a group's object id); null when none.</param>
/// <param name="Name">The name at the time of the action (a title, a user name), kept even if it changes later.</param>
public sealed record AuditTarget(string Type, string? Id, string? Name)
{
    public static AuditTarget Of(string type, long id, string? name) =>
        new(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
}
