namespace Manuals.Core.Reading;

/// <summary>What an Editor or Admin asks for when assigning a manual as required reading: people, departments and a due date in business days.</summary>
public sealed record ReadingAssignment(IReadOnlyCollection<long> UserIds, IReadOnlyCollection<long> DepartmentIds, int BusinessDays)
{
    /// <summary>The default due date: a working week from today.</summary>
    public const int DefaultBusinessDays = 5;

    /// <summary>The latest due date one may ask for, in business days (about three months).</summary>
    public const int MaxBusinessDays = 60;
}
