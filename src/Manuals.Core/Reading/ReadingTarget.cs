namespace Manuals.Core.Reading;

/// <summary>
/// One assignment of a manual as required reading, as the 必読の状況 page lists it to be taken off: to a person
/// (<see cref="UserId"/>) or to everyone in a department (<see cref="DepartmentId"/>), by name, with its due date.
/// </summary>
public sealed record ReadingTarget(long Id, long? UserId, long? DepartmentId, string Name, DateOnly DueOn);
