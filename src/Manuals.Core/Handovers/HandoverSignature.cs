namespace Manuals.Core.Handovers;

/// <summary>
/// A sign-off recorded in the app: who signed in which role (<paramref name="EmployeeId"/> is the predecessor or the
/// successor who signed, 0 for the manager), on which day, and which account entered it - the person's own, or another
/// on their behalf (<paramref name="OnBehalf"/>: an Admin, or a manager for someone without an account).
/// </summary>
public sealed record HandoverSignature(
    SignOffRole Role,
    long EmployeeId,
    string Name,
    DateOnly SignedOn,
    long? RecordedByUserId,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    bool OnBehalf);
